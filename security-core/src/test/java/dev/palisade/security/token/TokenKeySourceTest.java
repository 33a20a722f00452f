package dev.palisade.security.token;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated, PEM and JWK key sources. */
class TokenKeySourceTest {

	@TempDir
	Path dir;

	@Test
	void generatedKeyIsPersistedPrivatelyAndReloaded() throws Exception {
		Path keys = this.dir.resolve("keys");
		GeneratedKeySource source = new GeneratedKeySource(keys, JWSAlgorithm.ES256);
		TokenKey first = source.load().get(0);
		assertThat(Files.exists(source.keyFile())).isTrue();
		if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(source.keyFile())))
				.isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
		}
		TokenKey again = new GeneratedKeySource(keys, JWSAlgorithm.ES256).load().get(0);
		assertThat(again.kid()).isEqualTo(first.kid());
		assertThat(again.jwk()).isEqualTo(first.jwk());
		try (var listing = Files.list(keys)) {
			assertThat(listing.toList()).containsExactly(source.keyFile());
		}
		// a token signed before the "restart" verifies after it
		MutableClock clock = new MutableClock(TokenFixtures.NOW);
		String token = new AccessTokenIssuer(() -> TokenKeyring.of(first), TokenFixtures.settings(), clock)
			.issue(TokenFixtures.alice())
			.value();
		assertThat(new KeyringAccessTokenVerifier(() -> TokenKeyring.of(again), TokenFixtures.settings(), clock)
			.verify(token)).isNotNull();
	}

	@Test
	void generatedKeySourceWorksForEveryAlgorithm() {
		for (JWSAlgorithm alg : KeyAlgorithmRules.SUPPORTED) {
			GeneratedKeySource source = new GeneratedKeySource(this.dir.resolve("all"), alg);
			assertThat(source.load().get(0).jwk()).isEqualTo(source.load().get(0).jwk());
		}
	}

	@Test
	void corruptGeneratedKeyFileFailsWithoutEchoingIt() throws Exception {
		GeneratedKeySource source = new GeneratedKeySource(this.dir, JWSAlgorithm.HS256);
		Files.writeString(source.keyFile(), "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXZhbHVl\"");
		assertThatThrownBy(source::load).isInstanceOfSatisfying(InvalidKeyConfigurationException.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(Reason.UNREADABLE_KEY);
			assertThat(ex.getMessage()).doesNotContain("c2VjcmV0LXZhbHVl");
		});
	}

	@Test
	void pemPkcs8Sec1AndPkcs1PrivateKeysLoadAndSign() throws Exception {
		KeyPair ec = ecPair("secp256r1");
		KeyPair ec384 = ecPair("secp384r1");
		KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
		rsaGenerator.initialize(2048);
		KeyPair rsa = rsaGenerator.generateKeyPair();
		KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

		assertSigns(PemKeySource.of(pkcs8(ec), "ec-pkcs8", JWSAlgorithm.ES256));
		// SEC1 as openssl writes it (curve parameters inside the key); BC's EC keys encode that way
		KeyPairGenerator bcEc = KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
		bcEc.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair sec1 = bcEc.generateKeyPair();
		assertSigns(PemKeySource.of(traditional(sec1), "ec-sec1", JWSAlgorithm.ES256));
		assertSigns(PemKeySource.of(pkcs8(ec384), "ec384", JWSAlgorithm.ES384));
		assertSigns(PemKeySource.of(pkcs8(rsa), "rsa-pkcs8", JWSAlgorithm.RS256));
		assertSigns(PemKeySource.of(traditional(rsa), "rsa-pkcs1", JWSAlgorithm.PS256));
		assertSigns(PemKeySource.of(pkcs8(ed), "ed", JWSAlgorithm.EdDSA));
		assertThat(traditional(sec1)).contains("BEGIN EC PRIVATE KEY");
		assertThat(traditional(rsa)).contains("BEGIN RSA PRIVATE KEY");

		// the public part derived from the PEM private key equals the JCA public key
		TokenKey fromPem = PemKeySource.of(pkcs8(ec), "ec", JWSAlgorithm.ES256).load().get(0);
		TokenKey fromPublicPem = PemKeySource.of(publicPem(ec), "ec", JWSAlgorithm.ES256).load().get(0);
		assertThat(fromPem.publicJwk().orElseThrow()).isEqualTo(fromPublicPem.publicJwk().orElseThrow());
	}

	@Test
	void publicPemIsVerifyOnly() throws Exception {
		KeyPair ec = ecPair("secp256r1");
		TokenKey signer = PemKeySource.of(pkcs8(ec), "ec", JWSAlgorithm.ES256).load().get(0);
		TokenKey verifyOnly = PemKeySource.of(publicPem(ec), "ec", JWSAlgorithm.ES256).load().get(0);
		assertThat(verifyOnly.canSign()).isFalse();
		MutableClock clock = new MutableClock(TokenFixtures.NOW);
		String token = new AccessTokenIssuer(() -> TokenKeyring.of(signer), TokenFixtures.settings(), clock)
			.issue(TokenFixtures.alice())
			.value();
		TokenKeyring verifying = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.HS256, "local"), List.of(verifyOnly));
		assertThat(new KeyringAccessTokenVerifier(() -> verifying, TokenFixtures.settings(), clock).verify(token))
			.isNotNull();
	}

	@Test
	void badPemIsUnreadableAndMismatchedPemIsRejected() throws Exception {
		assertThatThrownBy(() -> PemKeySource.of("-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n",
				"k", JWSAlgorithm.ES256).load())
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNREADABLE_KEY));
		assertThatThrownBy(() -> PemKeySource.of("hello", "k", JWSAlgorithm.ES256).load())
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNREADABLE_KEY));
		KeyPair ec = ecPair("secp256r1");
		assertThatThrownBy(() -> PemKeySource.of(pkcs8(ec), "k", JWSAlgorithm.RS256).load())
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.KEY_ALGORITHM_MISMATCH));
		assertThatThrownBy(() -> PemKeySource.of(pkcs8(ec), "k", JWSAlgorithm.ES384).load())
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.KEY_ALGORITHM_MISMATCH));
	}

	@Test
	void jwkAndJwkSetJsonLoad() throws Exception {
		TokenKey ec = TokenKey.generate(JWSAlgorithm.ES256, "ec");
		TokenKey rsa = TokenKey.generate(JWSAlgorithm.RS256, "rsa");
		List<TokenKey> single = JwkKeySource.of(ec.jwk().toJSONString(), null).load();
		assertThat(single).singleElement().satisfies((key) -> {
			assertThat(key.kid()).isEqualTo("ec");
			assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES256);
			assertThat(key.canSign()).isTrue();
		});
		String set = "{\"keys\":[" + rsa.publicJwk().orElseThrow().toJSONString() + "," + ec.jwk().toJSONString() + "]}";
		Path file = this.dir.resolve("keys.json");
		Files.writeString(file, set);
		List<TokenKey> keys = JwkKeySource.fromFile(file, null).load();
		assertThat(keys).extracting(TokenKey::kid).containsExactly("rsa", "ec");
		assertThat(TokenKeyring.from(keys).active().kid()).isEqualTo("ec");
		JWK noAlg = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("x").generate();
		assertThatThrownBy(() -> JwkKeySource.of(noAlg.toJSONString(), null).load())
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM));
		assertThat(JwkKeySource.of(noAlg.toJSONString(), JWSAlgorithm.ES256).load().get(0).kid()).isEqualTo("x");
		assertThatThrownBy(() -> JwkKeySource.of("{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"", JWSAlgorithm.HS256).load())
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(Reason.UNREADABLE_KEY);
				assertThat(ex.getMessage()).doesNotContain("c2VjcmV0");
			});
	}

	private static void assertSigns(PemKeySource source) throws Exception {
		TokenKey key = source.load().get(0);
		assertThat(key.canSign()).as(source.toString()).isTrue();
		MutableClock clock = new MutableClock(TokenFixtures.NOW);
		String token = new AccessTokenIssuer(() -> TokenKeyring.of(key), TokenFixtures.settings(), clock)
			.issue(TokenFixtures.alice())
			.value();
		assertThat(new KeyringAccessTokenVerifier(() -> TokenKeyring.of(key), TokenFixtures.settings(), clock)
			.verify(token)
			.keyId()).isEqualTo(key.kid());
	}

	private static KeyPair ecPair(String curve) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec(curve));
		return generator.generateKeyPair();
	}

	private static String pkcs8(KeyPair pair) throws Exception {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
		}
		return out.toString();
	}

	private static String traditional(KeyPair pair) throws Exception {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(pair);
		}
		return out.toString();
	}

	private static String publicPem(KeyPair pair) throws Exception {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(pair.getPublic());
		}
		return out.toString();
	}

}
