package dev.palisade.security.crypto.aead;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every applicable Project Wycheproof AEAD vector through {@link AeadPrimitive}, the layer
 * {@link KeyringAead} encrypts and decrypts with. Applicable: 256-bit keys and 128-bit tags, with
 * 96-bit nonces for AES-GCM and ChaCha20-Poly1305 and 192-bit nonces for XChaCha20-Poly1305, the only
 * shapes Palisade makes. A valid vector must encrypt to exactly its ciphertext and tag and decrypt to
 * its message (twice, for JDK-8305091); an invalid one must be refused with
 * {@link AeadException.Reason#AUTHENTICATION_FAILED} and no plaintext.
 */
class WycheproofAeadTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	record Vector(AeadAlgorithm algorithm, byte[] key, byte[] nonce, byte[] aad, byte[] msg, byte[] ctAndTag, boolean valid) {
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void vector(Vector vector) {
		AeadKey key = AeadKey.of(vector.algorithm(), vector.key());
		if (vector.valid()) {
			byte[] out = new byte[vector.msg().length + AeadAlgorithm.TAG_SIZE];
			AeadPrimitive.discardCachedCiphers();
			AeadPrimitive.encrypt(key, vector.nonce(), 0, vector.msg(), vector.aad(), out, 0);
			assertThat(out).isEqualTo(vector.ctAndTag());
			for (int i = 0; i < 2; i++) {
				assertThat(AeadPrimitive.decrypt(key, vector.nonce(), 0, vector.ctAndTag(), 0, vector.ctAndTag().length,
						vector.aad()))
					.isEqualTo(vector.msg());
			}
		}
		else {
			assertThatThrownBy(() -> AeadPrimitive.decrypt(key, vector.nonce(), 0, vector.ctAndTag(), 0,
					vector.ctAndTag().length, vector.aad()))
				.isInstanceOfSatisfying(AeadException.class,
						(ex) -> assertThat(ex.reason()).isIn(AeadException.Reason.AUTHENTICATION_FAILED,
								AeadException.Reason.MALFORMED));
		}
	}

	@Test
	void everyFileContributesAndOnlyOtherShapesAreSkipped() {
		assertThat(count("aes_gcm_test.json", AeadAlgorithm.AES_256_GCM)).containsExactly(66, 250);
		assertThat(count("chacha20_poly1305_test.json", AeadAlgorithm.CHACHA20_POLY1305)).containsExactly(316, 9);
		assertThat(count("xchacha20_poly1305_test.json", AeadAlgorithm.XCHACHA20_POLY1305)).containsExactly(306, 9);
	}

	static Stream<Arguments> vectors() {
		List<Arguments> all = new ArrayList<>();
		all.addAll(load("aes_gcm_test.json", AeadAlgorithm.AES_256_GCM));
		all.addAll(load("chacha20_poly1305_test.json", AeadAlgorithm.CHACHA20_POLY1305));
		all.addAll(load("xchacha20_poly1305_test.json", AeadAlgorithm.XCHACHA20_POLY1305));
		return all.stream();
	}

	private static List<Arguments> load(String file, AeadAlgorithm algorithm) {
		List<Arguments> vectors = new ArrayList<>();
		for (JsonNode group : read(file).get("testGroups")) {
			if (!applicable(group, algorithm)) {
				continue;
			}
			for (JsonNode test : group.get("tests")) {
				byte[] ct = HEX.parseHex(test.get("ct").asString());
				byte[] tag = HEX.parseHex(test.get("tag").asString());
				byte[] ctAndTag = Arrays.copyOf(ct, ct.length + tag.length);
				System.arraycopy(tag, 0, ctAndTag, ct.length, tag.length);
				String result = test.get("result").asString();
				Vector vector = new Vector(algorithm, HEX.parseHex(test.get("key").asString()),
						HEX.parseHex(test.get("iv").asString()), HEX.parseHex(test.get("aad").asString()),
						HEX.parseHex(test.get("msg").asString()), ctAndTag, !result.equals("invalid"));
				vectors.add(Arguments.of(Named.of(file + " #" + test.get("tcId").asInt() + " " + result, vector)));
			}
		}
		return vectors;
	}

	/** [applicable tests, skipped tests]. */
	private static int[] count(String file, AeadAlgorithm algorithm) {
		int applicable = 0;
		int skipped = 0;
		for (JsonNode group : read(file).get("testGroups")) {
			int tests = group.get("tests").size();
			if (applicable(group, algorithm)) {
				applicable += tests;
			}
			else {
				skipped += tests;
			}
		}
		return new int[] { applicable, skipped };
	}

	private static boolean applicable(JsonNode group, AeadAlgorithm algorithm) {
		return group.get("keySize").asInt() == 256 && group.get("tagSize").asInt() == 128
				&& group.get("ivSize").asInt() == algorithm.nonceSize() * 8;
	}

	private static JsonNode read(String file) {
		try (InputStream in = WycheproofAeadTest.class.getClassLoader()
			.getResourceAsStream("testvectors/wycheproof/" + file)) {
			if (in == null) {
				throw new IllegalStateException("missing test vector file " + file);
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
