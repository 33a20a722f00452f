package dev.palisade.security.autoconfigure.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.security.autoconfigure.crypto.PalisadeAeadAutoConfiguration;
import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.secrets.LocalSecretStore;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code palisade.crypto.aead.secret}: the AEAD keyring read whole from the secret store at start-up. */
class AeadKeyringInSecretStoreTests {

	private static final byte[] AAD = "orgs/acme/projects/p1/openai".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PalisadeAeadAutoConfiguration.class, PalisadeSecretsAutoConfiguration.class));

	@Test
	void theKeyringComesFromVaultThroughTheConfiguredStore() throws Exception {
		// the keys of the recorded secret (vault/aead-keyring.json): k1 = 32 x 0x01, k2 = 32 x 0x02
		KeyringAead sameKeys = KeyringAead.of(Keyring.<AeadKey>builder()
			.add("k1", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.AES_256_GCM, filled(1)))
			.add("k2", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.CHACHA20_POLY1305, filled(2)))
			.primary("k2")
			.build());
		byte[] sealedElsewhere = sameKeys.encrypt("sk-live".getBytes(StandardCharsets.UTF_8), AAD);
		try (RecordedVault vault = new RecordedVault("aead-keyring.json")) {
			this.runner
				.withPropertyValues("palisade.secrets.backend=vault", "palisade.secrets.vault.uri=" + vault.uri(),
						"palisade.secrets.vault.token=hvs.CAESIJ-test-token",
						"palisade.secrets.vault.path-prefix=palisade", "palisade.crypto.aead.secret=aead#keyring")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					KeyringAead aead = context.getBean(KeyringAead.class);
					assertThat(aead.keyring().primaryId()).isEqualTo("k2");
					assertThat(new String(aead.decrypt(sealedElsewhere, AAD), StandardCharsets.UTF_8)).isEqualTo("sk-live");
					assertThat(KeyringAead.keyIdOf(aead.encrypt(new byte[1], AAD))).isEqualTo("k2");
				});
			assertThat(vault.mismatches()).isEmpty();
			assertThat(vault.replayedExactly()).isTrue();
		}
	}

	@Test
	void anApplicationsOwnStoreCanHoldItToo() {
		KeyringAead storeKeys = KeyringAead.of(Keyring.<AeadKey>builder()
			.add("store", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.AES_256_GCM, filled(7)))
			.primary("store")
			.build());
		SecretStore own = new LocalSecretStore(this.dir.resolve("own"), storeKeys);
		own.put(SecretPath.of("palisade/aead"), Map.of("keyring", "palisade-aead-keyring 1\nprimary f1\n"
				+ "key f1 XCHACHA20_POLY1305 ENABLED AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\n"), Map.of(),
				SecretStore.NEW);
		this.runner.withBean(SecretStore.class, () -> own)
			.withPropertyValues("palisade.crypto.aead.secret=palisade/aead#keyring")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KeyringAead aead = context.getBean(KeyringAead.class);
				assertThat(aead.keyring().primaryId()).isEqualTo("f1");
				assertThat(aead.decrypt(aead.encrypt(new byte[] { 42 }, AAD), AAD)).containsExactly(42);
			});
	}

	@Test
	void withoutAStoreOrFromTheLocalStoreStartUpFailsNamingTheProperty() {
		this.runner.withPropertyValues("palisade.crypto.aead.secret=palisade/aead#keyring")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.crypto.aead.secret needs a secret store"));
		this.runner
			.withPropertyValues("palisade.crypto.aead.secret=palisade/aead#keyring", "palisade.secrets.backend=local",
					"palisade.secrets.local.directory=" + this.dir.resolve("secrets"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.crypto.aead.secret cannot be read from the local secret store"));
	}

	@Test
	void aMissingFieldOrABadKeyringNamesTheReferenceNeverTheKeyMaterial() {
		SecretStore own = new LocalSecretStore(this.dir.resolve("own"), KeyringAead.of(Keyring.<AeadKey>builder()
			.add("store", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.AES_256_GCM, filled(7)))
			.primary("store")
			.build()));
		own.put(SecretPath.of("palisade/aead"), Map.of("keyring", "palisade-aead-keyring 1\nprimary f1\n"
				+ "key f1 AES_256_GCM ENABLED c2hvcnQtYnV0LXNlY3JldA==\n"), Map.of(), SecretStore.NEW);
		this.runner.withBean(SecretStore.class, () -> own)
			.withPropertyValues("palisade.crypto.aead.secret=palisade/aead#other")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.crypto.aead.secret (palisade/aead#other)")
				.hasMessageContaining("no field 'other'"));
		this.runner.withBean(SecretStore.class, () -> own)
			.withPropertyValues("palisade.crypto.aead.secret=palisade/aead#keyring")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.crypto.aead.secret (palisade/aead#keyring)")
				.hasMessageNotContaining("c2hvcnQtYnV0LXNlY3JldA"));
		this.runner.withBean(SecretStore.class, () -> own)
			.withPropertyValues("palisade.crypto.aead.secret=no-field-here")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.crypto.aead.secret: A secret reference is 'path#field'"));
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
