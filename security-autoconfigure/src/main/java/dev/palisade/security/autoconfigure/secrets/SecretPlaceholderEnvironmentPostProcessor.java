package dev.palisade.security.autoconfigure.secrets;

import dev.palisade.security.autoconfigure.crypto.AeadKeyringLoader;
import dev.palisade.security.autoconfigure.crypto.PalisadeAeadProperties;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.secrets.LocalSecretStore;
import dev.palisade.security.secrets.SecretStore;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Adds the {@code ${palisade-secret:path#field}} property source, so the HMAC secret, the API-key
 * pepper or the audit keys can come from the secret store. It binds {@code palisade.secrets} (and,
 * for the local store, {@code palisade.crypto.aead}) itself, since it runs before any bean exists.
 */
public final class SecretPlaceholderEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SecretPlaceholderPropertySource.NAME)) {
			return;
		}
		environment.getPropertySources().addLast(new SecretPlaceholderPropertySource(() -> open(environment)));
	}

	private static SecretStore open(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		PalisadeSecretsProperties secrets = binder.bind("palisade.secrets", PalisadeSecretsProperties.class)
			.orElseThrow(() -> new IllegalStateException(
					"A ${palisade-secret:...} placeholder needs palisade.secrets.backend (local or vault)"));
		if (secrets.backend() == null) {
			throw new IllegalStateException("A ${palisade-secret:...} placeholder needs palisade.secrets.backend (local or vault)");
		}
		return switch (secrets.backend()) {
			case LOCAL -> {
				PalisadeAeadProperties aead = binder.bindOrCreate("palisade.crypto.aead", PalisadeAeadProperties.class);
				yield new LocalSecretStore(secrets.local().directory(), KeyringAead.of(AeadKeyringLoader.load(aead)),
						java.time.Clock.systemUTC(), secrets.local().maxVersions());
			}
			case VAULT -> {
				if (!ClassUtils.isPresent("org.springframework.vault.core.VaultTemplate", null)) {
					throw new IllegalStateException("palisade.secrets.backend=vault needs spring-vault-core on the class path");
				}
				yield VaultSecretStores.create(secrets.vault());
			}
		};
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
