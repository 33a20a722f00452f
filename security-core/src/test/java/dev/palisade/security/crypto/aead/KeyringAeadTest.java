package dev.palisade.security.crypto.aead;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringAeadTest {

	private static final byte[] AAD = "orgs/acme/projects/p1/openai".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SECRET = "sk-abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);

	@ParameterizedTest
	@EnumSource(AeadAlgorithm.class)
	void roundTripsAndFormatsAsDocumented(AeadAlgorithm algorithm) {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(algorithm)));
		byte[] ciphertext = aead.encrypt(SECRET, AAD);
		assertThat(ciphertext[0]).isEqualTo(KeyringAead.VERSION);
		assertThat(ciphertext[1]).isEqualTo((byte) 2);
		assertThat(new String(ciphertext, 2, 2, StandardCharsets.UTF_8)).isEqualTo("k1");
		assertThat(ciphertext).hasSize(1 + 1 + 2 + algorithm.nonceSize() + SECRET.length + 16);
		assertThat(aead.decrypt(ciphertext, AAD)).isEqualTo(SECRET);
	}

	@ParameterizedTest
	@EnumSource(AeadAlgorithm.class)
	void decryptsTheSameCiphertextTwiceOnOneThread(AeadAlgorithm algorithm) {
		// JDK-8305091: on 17 the JDK's ChaCha20-Poly1305 refuses a re-init with the same key and nonce
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(algorithm)));
		byte[] ciphertext = aead.encrypt(SECRET, AAD);
		for (int i = 0; i < 3; i++) {
			assertThat(aead.decrypt(ciphertext, AAD)).isEqualTo(SECRET);
		}
		assertThatThrownBy(() -> aead.decrypt(ciphertext, "other".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(AeadException.class);
		assertThat(aead.decrypt(ciphertext, AAD)).isEqualTo(SECRET);
	}

	@ParameterizedTest
	@EnumSource(AeadAlgorithm.class)
	void everyFlippedBitIsRefusedWithoutPlaintext(AeadAlgorithm algorithm) {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(algorithm)));
		byte[] ciphertext = aead.encrypt(SECRET, AAD);
		for (int i = 0; i < ciphertext.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] tampered = ciphertext.clone();
				tampered[i] ^= (byte) (1 << bit);
				assertThatThrownBy(() -> aead.decrypt(tampered, AAD)).isInstanceOf(AeadException.class);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(AeadAlgorithm.class)
	void everyTruncationIsRefused(AeadAlgorithm algorithm) {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(algorithm)));
		byte[] ciphertext = aead.encrypt(SECRET, AAD);
		for (int length = 0; length < ciphertext.length; length++) {
			byte[] truncated = java.util.Arrays.copyOf(ciphertext, length);
			assertThatThrownBy(() -> aead.decrypt(truncated, AAD)).isInstanceOfSatisfying(AeadException.class,
					(ex) -> assertThat(ex.reason()).isIn(AeadException.Reason.MALFORMED,
							AeadException.Reason.AUTHENTICATION_FAILED, AeadException.Reason.UNKNOWN_KEY));
		}
		assertThatThrownBy(() -> aead.decrypt(null, AAD)).isInstanceOf(AeadException.class);
	}

	@Test
	void associatedDataBindsTheCiphertextToItsRow() {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)));
		byte[] ciphertext = aead.encrypt(SECRET, AAD);
		assertThatThrownBy(() -> aead.decrypt(ciphertext, "orgs/globex/projects/p1/openai".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(AeadException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(AeadException.Reason.AUTHENTICATION_FAILED));
		assertThatThrownBy(() -> aead.decrypt(ciphertext, null)).isInstanceOf(AeadException.class);
		assertThat(aead.decrypt(aead.encrypt(SECRET, null), new byte[0])).isEqualTo(SECRET);
	}

	@Test
	void aKeyWithTheSameIdButOtherMaterialFailsAuthentication() {
		byte[] ciphertext = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)))
			.encrypt(SECRET, AAD);
		KeyringAead other = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)));
		assertThatThrownBy(() -> other.decrypt(ciphertext, AAD)).isInstanceOfSatisfying(AeadException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AeadException.Reason.AUTHENTICATION_FAILED));
	}

	@Test
	void rotationKeepsOldCiphertextsReadableUntilTheKeyIsDisabled() {
		Keyring<AeadKey> first = Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM));
		byte[] old = KeyringAead.of(first).encrypt(SECRET, AAD);
		Keyring<AeadKey> rotated = first.withAdded("k2", AeadKey.generate(AeadAlgorithm.XCHACHA20_POLY1305)).withPrimary("k2");
		KeyringAead aead = KeyringAead.of(rotated);

		assertThat(KeyringAead.keyIdOf(aead.encrypt(SECRET, AAD))).isEqualTo("k2");
		assertThat(aead.decrypt(old, AAD)).isEqualTo(SECRET);
		assertThat(aead.needsReencryption(old)).isTrue();
		byte[] rewritten = aead.reencrypt(old, AAD);
		assertThat(KeyringAead.keyIdOf(rewritten)).isEqualTo("k2");
		assertThat(aead.needsReencryption(rewritten)).isFalse();
		assertThat(aead.reencrypt(rewritten, AAD)).isSameAs(rewritten);

		for (KeyStatus status : List.of(KeyStatus.DISABLED, KeyStatus.DESTROYED)) {
			KeyringAead retired = KeyringAead.of(rotated.withStatus("k1", status));
			assertThatThrownBy(() -> retired.decrypt(old, AAD)).isInstanceOfSatisfying(AeadException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(AeadException.Reason.UNKNOWN_KEY));
			assertThat(retired.decrypt(rewritten, AAD)).isEqualTo(SECRET);
		}
	}

	@Test
	void anUnknownKeyIdOrVersionIsNamedAndNothingElse() {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)));
		byte[] foreign = KeyringAead.of(Keyring.of("k9", AeadKey.generate(AeadAlgorithm.AES_256_GCM))).encrypt(SECRET, AAD);
		assertThatThrownBy(() -> aead.decrypt(foreign, AAD)).isInstanceOfSatisfying(AeadException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(AeadException.Reason.UNKNOWN_KEY);
			assertThat(ex.getMessage()).contains("k9");
		});
		byte[] otherVersion = aead.encrypt(SECRET, AAD);
		otherVersion[0] = 2;
		assertThatThrownBy(() -> aead.decrypt(otherVersion, AAD)).isInstanceOfSatisfying(AeadException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AeadException.Reason.MALFORMED));
	}

	@Test
	void nothingPrintsKeyMaterial() {
		AeadKey key = AeadKey.generate(AeadAlgorithm.CHACHA20_POLY1305);
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", key));
		String base64 = java.util.Base64.getEncoder().encodeToString(key.material());
		String hex = java.util.HexFormat.of().formatHex(key.material());
		for (String text : List.of(key.toString(), aead.toString(), aead.keyring().toString())) {
			assertThat(text).doesNotContain(base64).doesNotContain(hex);
		}
		assertThat(key.toString()).isEqualTo("AeadKey[CHACHA20_POLY1305]");
	}

	@Test
	void noncesDoNotRepeat() {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)));
		Set<String> nonces = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			byte[] ciphertext = aead.encrypt(SECRET, AAD);
			nonces.add(java.util.HexFormat.of().formatHex(ciphertext, 4, 16));
		}
		assertThat(nonces).hasSize(10_000);
	}

	@Test
	void threadsShareOneAeadSafely() throws Exception {
		KeyringAead aead = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.CHACHA20_POLY1305)));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				results.add(pool.submit(() -> {
					for (int i = 0; i < 500; i++) {
						byte[] plain = ("value-" + i).getBytes(StandardCharsets.UTF_8);
						if (!java.util.Arrays.equals(aead.decrypt(aead.encrypt(plain, AAD), AAD), plain)) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
