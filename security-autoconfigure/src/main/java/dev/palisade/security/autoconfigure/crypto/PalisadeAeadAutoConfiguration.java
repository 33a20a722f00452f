package dev.palisade.security.autoconfigure.crypto;

import dev.palisade.security.crypto.aead.FieldEncryptor;
import dev.palisade.security.crypto.aead.KeyringAead;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The AEAD keyring ({@link KeyringAead}) and a {@link FieldEncryptor} over it, when
 * {@code palisade.crypto.aead.enabled} is on or the local secret store needs them.
 */
@AutoConfiguration
@Conditional(PalisadeAeadAutoConfiguration.AeadNeeded.class)
@EnableConfigurationProperties(PalisadeAeadProperties.class)
public final class PalisadeAeadAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KeyringAead palisadeAead(PalisadeAeadProperties properties) {
		return KeyringAead.of(AeadKeyringLoader.load(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	FieldEncryptor palisadeFieldEncryptor(KeyringAead aead) {
		return new FieldEncryptor(aead);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "tools.jackson.databind.module.SimpleModule")
	static class JacksonConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EncryptedValueJacksonModule palisadeEncryptedValueJacksonModule() {
			return new EncryptedValueJacksonModule();
		}

	}

	static final class AeadNeeded extends AnyNestedCondition {

		AeadNeeded() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "palisade.crypto.aead.enabled", havingValue = "true")
		static final class Enabled {
		}

		@ConditionalOnProperty(name = "palisade.secrets.backend", havingValue = "local")
		static final class LocalSecrets {
		}

	}

}
