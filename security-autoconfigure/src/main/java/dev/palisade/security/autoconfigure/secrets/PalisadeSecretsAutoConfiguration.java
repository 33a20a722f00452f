package dev.palisade.security.autoconfigure.secrets;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditAutoConfiguration;
import dev.palisade.security.autoconfigure.crypto.PalisadeAeadAutoConfiguration;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.secrets.AuditingSecretStore;
import dev.palisade.security.secrets.CachingSecretStore;
import dev.palisade.security.secrets.LocalSecretStore;
import dev.palisade.security.secrets.SecretStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@link SecretStore}: the configured backend ({@link SecretBackend}), cached, then audited, so
 * even a cached read leaves a {@code secret.read} record. Off until {@code palisade.secrets.backend}
 * is set.
 */
@AutoConfiguration(after = { PalisadeAeadAutoConfiguration.class, PalisadeAuditAutoConfiguration.class })
@ConditionalOnProperty(name = "palisade.secrets.backend")
@EnableConfigurationProperties(PalisadeSecretsProperties.class)
public final class PalisadeSecretsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecretStore palisadeSecretStore(SecretBackend backend, PalisadeSecretsProperties properties,
			ObjectProvider<AuditRecorder> recorder) {
		PalisadeSecretsProperties.Cache cache = properties.cache();
		CachingSecretStore cached = new CachingSecretStore(backend.store(), cache.ttl(), cache.maxStale(),
				cache.maximumSize(), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
		return new AuditingSecretStore(cached, recorder.getIfAvailable(() -> AuditRecorder.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestControllerAdvice")
	SecretStoreProblemAdvice palisadeSecretStoreProblemAdvice() {
		return new SecretStoreProblemAdvice();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AuditRecorder.class)
	static SecretPlaceholderAuditor palisadeSecretPlaceholderAuditor(ConfigurableEnvironment environment,
			ObjectProvider<AuditRecorder> recorder) {
		return new SecretPlaceholderAuditor(environment, recorder.getObject());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.secrets.backend", havingValue = "local")
	static class LocalBackendConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecretBackend palisadeSecretBackend(PalisadeSecretsProperties properties, KeyringAead aead) {
			PalisadeSecretsProperties.Local local = properties.local();
			return new SecretBackend(new LocalSecretStore(local.directory(), aead, java.time.Clock.systemUTC(),
					local.maxVersions()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.secrets.backend", havingValue = "vault")
	@ConditionalOnClass(name = "org.springframework.vault.core.VaultTemplate")
	static class VaultBackendConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecretBackend palisadeSecretBackend(PalisadeSecretsProperties properties) {
			return new SecretBackend(VaultSecretStores.create(properties.vault()));
		}

	}

}
