package dev.palisade.security.crypto.aead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import dev.palisade.security.crypto.keyring.InvalidKeyringException;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AeadKeyringFileTest {

	@TempDir
	Path dir;

	@Test
	void formatAndParseKeepEveryKeyAndStatus() {
		Keyring<AeadKey> keyring = Keyring.<AeadKey>builder()
			.add("k0", KeyStatus.DESTROYED, null)
			.add("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM))
			.add("k2", KeyStatus.DISABLED, AeadKey.generate(AeadAlgorithm.CHACHA20_POLY1305))
			.add("k3", AeadKey.generate(AeadAlgorithm.XCHACHA20_POLY1305))
			.primary("k3")
			.build();
		byte[] ciphertext = KeyringAead.of(keyring.withPrimary("k1")).encrypt(new byte[] { 1, 2, 3 }, null);

		Keyring<AeadKey> parsed = AeadKeyringFile.parse(AeadKeyringFile.format(keyring));

		assertThat(parsed.toString()).isEqualTo(keyring.toString());
		assertThat(parsed.find("k3").orElseThrow().algorithm()).isEqualTo(AeadAlgorithm.XCHACHA20_POLY1305);
		assertThat(KeyringAead.of(parsed).decrypt(ciphertext, null)).containsExactly(1, 2, 3);
	}

	@Test
	void loadOrGenerateWritesAnOwnerOnlyFileOnceAndReadsItAfterwards() throws Exception {
		Path file = this.dir.resolve("keys/aead.keyring");
		Keyring<AeadKey> generated = AeadKeyringFile.loadOrGenerate(file, AeadAlgorithm.AES_256_GCM);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		byte[] ciphertext = KeyringAead.of(generated).encrypt(new byte[] { 9 }, null);
		Keyring<AeadKey> again = AeadKeyringFile.loadOrGenerate(file, AeadAlgorithm.AES_256_GCM);
		assertThat(again.primaryId()).isEqualTo(generated.primaryId());
		assertThat(KeyringAead.of(again).decrypt(ciphertext, null)).containsExactly(9);
		try (var listing = Files.list(file.getParent())) {
			assertThat(listing.map((p) -> p.getFileName().toString())).containsExactly("aead.keyring");
		}
	}

	@Test
	void aFileOthersCanReadIsRefused() throws Exception {
		Path file = this.dir.resolve("aead.keyring");
		AeadKeyringFile.write(file, Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)), false);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatThrownBy(() -> AeadKeyringFile.load(file)).isInstanceOf(InvalidKeyringException.class)
			.hasMessageContaining("chmod 600");
	}

	@Test
	void badLinesAreNamedWithoutTheirContent() {
		String key = Base64.getEncoder().encodeToString(new byte[31]);
		assertThatThrownBy(() -> AeadKeyringFile.parse("palisade-aead-keyring 1\nprimary k1\nkey k1 AES_256_GCM ENABLED " + key))
			.isInstanceOf(InvalidKeyringException.class)
			.hasMessageContaining("Line 3")
			.hasMessageContaining("32 bytes")
			.hasMessageNotContaining(key);
		assertThatThrownBy(() -> AeadKeyringFile.parse("palisade-aead-keyring 1\nprimary k1\nkey k1 AES_256_GCM ENABLED !!!"))
			.isInstanceOf(InvalidKeyringException.class)
			.hasMessageContaining("not base64");
		assertThatThrownBy(() -> AeadKeyringFile.parse("palisade-aead-keyring 1\nkey k1 ROT13 ENABLED " + key))
			.isInstanceOf(InvalidKeyringException.class)
			.hasMessageContaining("AeadAlgorithm");
		assertThatThrownBy(() -> AeadKeyringFile.parse("something else")).isInstanceOf(InvalidKeyringException.class);
		String good = Base64.getEncoder().encodeToString(new byte[32]);
		assertThatThrownBy(() -> AeadKeyringFile.parse("palisade-aead-keyring 1\nkey k1 AES_256_GCM ENABLED " + good))
			.isInstanceOf(InvalidKeyringException.class)
			.hasMessageContaining("primary");
		assertThatThrownBy(() -> AeadKeyringFile.load(this.dir.resolve("missing"))).isInstanceOf(InvalidKeyringException.class);
	}

}
