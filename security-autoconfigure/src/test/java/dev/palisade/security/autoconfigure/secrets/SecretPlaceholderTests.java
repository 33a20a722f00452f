package dev.palisade.security.autoconfigure.secrets;

import java.nio.file.Path;
import java.util.Map;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKeyringFile;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.secrets.LocalSecretStore;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ${palisade-secret:path#field}} in configuration, resolved from the local store at start-up. */
class SecretPlaceholderTests {

	@TempDir
	Path dir;

	@Test
	void aPlaceholderResolvesFromTheStoreAndAMissingOneFailsStartUpNamingIt() {
		Path keyring = this.dir.resolve("aead.keyring");
		Path secrets = this.dir.resolve("secrets");
		new LocalSecretStore(secrets, KeyringAead.of(AeadKeyringFile.loadOrGenerate(keyring, AeadAlgorithm.AES_256_GCM)))
			.put(SecretPath.of("palisade/tokens"), Map.of("hmac-secret", "from-the-store-0123456789"), Map.of(),
					SecretStore.NEW);
		String[] args = { "--palisade.secrets.backend=local", "--palisade.secrets.local.directory=" + secrets,
				"--palisade.crypto.aead.file=" + keyring, "--palisade.audit.enabled=false",
				"--demo.hmac=${palisade-secret:palisade/tokens#hmac-secret}",
				"--demo.missing=${palisade-secret:palisade/tokens#nope}" };
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			assertThat(context.getEnvironment().getProperty("demo.hmac")).isEqualTo("from-the-store-0123456789");
			assertThatThrownBy(() -> context.getEnvironment().getProperty("demo.missing"))
				.hasStackTraceContaining("has no field 'nope'")
				.hasStackTraceContaining("palisade/tokens")
				.satisfies((ex) -> assertThat(ex.toString()).doesNotContain("from-the-store"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
