package dev.palisade.security.autoconfigure.crypto;

import dev.palisade.security.crypto.aead.FieldEncryptor;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.InvalidKeyringException;
import dev.palisade.security.secrets.SecretStore;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.core.env.Environment;

/**
 * The AEAD keyring ({@link KeyringAead}) and a {@link FieldEncryptor} over it, when
 * {@code palisade.crypto.aead.enabled} is on, the local secret store needs them, or
 * {@code palisade.crypto.aead.secret} keeps the keyring in the (Vault) secret store, or TOTP
 * ({@code palisade.totp.enabled}) seals its secrets.
 */
@AutoConfiguration
@Conditional(PalisadeAeadAutoConfiguration.AeadNeeded.class)
@EnableConfigurationProperties(PalisadeAeadProperties.class)
public final class PalisadeAeadAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KeyringAead palisadeAead(PalisadeAeadProperties properties, Environment environment,
			ObjectProvider<SecretStore> secretStores) {
		if (properties.secret() == null) {
			return KeyringAead.of(AeadKeyringLoader.load(properties));
		}
		if ("local".equals(environment.getProperty("palisade.secrets.backend"))) {
			// the local store opens its files with this keyring: asking it for the keyring is a cycle
			throw new InvalidKeyringException("palisade.crypto.aead.secret cannot be read from the local"
					+ " secret store, which is sealed with this keyring; use palisade.secrets.backend: vault,"
					+ " or palisade.crypto.aead.keys / file");
		}
		return KeyringAead.of(AeadKeyringLoader.load(properties, secretStores.getIfAvailable()));
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

		@ConditionalOnProperty(name = "palisade.crypto.aead.secret")
		static final class KeyringInSecretStore {
		}

		@ConditionalOnProperty(name = "palisade.totp.enabled", havingValue = "true")
		static final class TotpSecrets {
		}

	}

}
