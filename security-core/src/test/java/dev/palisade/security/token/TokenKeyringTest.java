package dev.palisade.security.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys, keyrings, rotation and the published JWK Set. */
class TokenKeyringTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	@Test
	void rotationKeepsOldTokensValidUntilTheOldKeyIsRetired() throws Exception {
		TokenKey first = TokenKey.generate(JWSAlgorithm.ES256, "2026-01");
		RotatingKeyring keys = new RotatingKeyring(TokenKeyring.of(first));
		AccessTokenIssuer issuer = new AccessTokenIssuer(keys, TokenFixtures.settings(), this.clock);
		KeyringAccessTokenVerifier verifier = new KeyringAccessTokenVerifier(keys, TokenFixtures.settings(), this.clock);
		IssuedAccessToken old = issuer.issue(TokenFixtures.alice());

		keys.rotate(TokenKey.generate(JWSAlgorithm.EdDSA, "2026-02"));
		IssuedAccessToken fresh = issuer.issue(TokenFixtures.alice());
		assertThat(verifier.verify(fresh.value()).keyId()).isEqualTo("2026-02");
		assertThat(verifier.verify(old.value()).keyId()).isEqualTo("2026-01");
		assertThat(keys.current().active().kid()).isEqualTo("2026-02");

		keys.retire("2026-01");
		assertThatThrownBy(() -> verifier.verify(old.value())).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.UNKNOWN_KEY));
		assertThat(verifier.verify(fresh.value())).isNotNull();
		assertThatThrownBy(() -> keys.retire("2026-02")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aKeyPublishedInTheJwkSetVerifiesBeforeItSignsAndCanLaterBePromoted() throws Exception {
		TokenKey first = TokenKey.generate(JWSAlgorithm.ES256, "2026-01");
		TokenKey next = TokenKey.generate(JWSAlgorithm.ES256, "2026-02");
		RotatingKeyring keys = new RotatingKeyring(TokenKeyring.of(first));
		AccessTokenIssuer issuer = new AccessTokenIssuer(keys, TokenFixtures.settings(), this.clock);
		KeyringAccessTokenVerifier verifier = new KeyringAccessTokenVerifier(keys, TokenFixtures.settings(), this.clock);

		keys.publish(next);
		assertThat(keys.current().publicJwkSet().getKeyByKeyId("2026-02")).isNotNull();
		assertThat(keys.current().publicJwkSet().getKeyByKeyId("2026-02").isPrivate()).isFalse();
		IssuedAccessToken beforePromotion = issuer.issue(TokenFixtures.alice());
		assertThat(verifier.verify(beforePromotion.value()).keyId()).isEqualTo("2026-01");

		keys.promote("2026-02");
		IssuedAccessToken afterPromotion = issuer.issue(TokenFixtures.alice());
		assertThat(verifier.verify(afterPromotion.value()).keyId()).isEqualTo("2026-02");
		assertThat(verifier.verify(beforePromotion.value()).keyId()).isEqualTo("2026-01");
		assertThat(keys.current().keyring().primaryId()).isEqualTo("2026-02");
	}

	@Test
	void aPublicOnlyOrUnknownKeyCannotBePromotedAndADisabledKeyStopsVerifying() throws Exception {
		TokenKey signer = TokenKey.generate(JWSAlgorithm.ES256, "signer");
		TokenKey publicOnly = TokenKey.of(TokenKey.generate(JWSAlgorithm.ES256, "public").jwk().toPublicJWK(),
				JWSAlgorithm.ES256);
		TokenKeyring keyring = TokenKeyring.of(signer).withPublished(publicOnly);
		assertThatThrownBy(() -> keyring.withPromoted("public")).isInstanceOfSatisfying(
				InvalidKeyConfigurationException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.NO_SIGNING_KEY));
		assertThatThrownBy(() -> keyring.withPromoted("nope")).isInstanceOf(InvalidKeyConfigurationException.class);
		assertThatThrownBy(() -> keyring.withPublished(TokenKey.generate(JWSAlgorithm.ES256, "signer")))
			.isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.DUPLICATE_KEY_ID));

		TokenKey old = TokenKey.generate(JWSAlgorithm.ES256, "old");
		RotatingKeyring keys = new RotatingKeyring(TokenKeyring.of(old));
		AccessTokenIssuer issuer = new AccessTokenIssuer(keys, TokenFixtures.settings(), this.clock);
		KeyringAccessTokenVerifier verifier = new KeyringAccessTokenVerifier(keys, TokenFixtures.settings(), this.clock);
		IssuedAccessToken token = issuer.issue(TokenFixtures.alice());
		keys.rotate(TokenKey.generate(JWSAlgorithm.ES256, "new"));
		keys.replace(TokenKeyring.of(keys.current().keyring()
			.withStatus("old", dev.palisade.security.crypto.keyring.KeyStatus.DISABLED)));
		assertThat(keys.current().publicJwkSet().getKeyByKeyId("old")).isNull();
		assertThatThrownBy(() -> verifier.verify(token.value())).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.UNKNOWN_KEY));
	}

	@Test
	void jwkSetHoldsPublicKeysOnly() throws Exception {
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.RS256, "rsa"),
				List.of(TokenKey.generate(JWSAlgorithm.ES384, "ec"), TokenKey.generate(JWSAlgorithm.EdDSA, "ed"),
						TokenKey.generate(JWSAlgorithm.HS256, "hmac"), TokenKey.generate(JWSAlgorithm.PS256, "ps")));
		String json = keyring.publicJwkSetJson();
		List<Object> keys = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(json), "keys");
		assertThat(keys).hasSize(4);
		for (Object key : keys) {
			@SuppressWarnings("unchecked")
			Map<String, Object> jwk = (Map<String, Object>) key;
			assertThat(jwk).doesNotContainKeys("d", "k", "p", "q", "dp", "dq", "qi", "oth");
			assertThat(jwk.get("kty")).isNotEqualTo("oct");
			assertThat(jwk).containsKeys("kid", "alg").containsEntry("use", "sig");
		}
		assertThat(json).doesNotContain("hmac");
		assertThat(keyring.publicJwkSet().getKeys()).noneMatch(JWK::isPrivate);
	}

	@Test
	void keyAlgorithmMismatchIsRejected() throws Exception {
		JWK ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
		assertReason(() -> TokenKey.of(ec, JWSAlgorithm.RS256), Reason.KEY_ALGORITHM_MISMATCH);
		assertReason(() -> TokenKey.of(ec, JWSAlgorithm.ES384), Reason.KEY_ALGORITHM_MISMATCH);
		assertReason(() -> TokenKey.of(ec, JWSAlgorithm.HS256), Reason.KEY_ALGORITHM_MISMATCH);
		JWK rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
		assertReason(() -> TokenKey.of(rsa, JWSAlgorithm.ES256), Reason.KEY_ALGORITHM_MISMATCH);
		assertReason(() -> TokenKey.of(rsa, JWSAlgorithm.EdDSA), Reason.KEY_ALGORITHM_MISMATCH);
		JWK rsaDeclaringPs = new RSAKeyGenerator(2048).keyID("rsa").algorithm(JWSAlgorithm.PS256).generate();
		assertReason(() -> TokenKey.of(rsaDeclaringPs, JWSAlgorithm.RS256), Reason.KEY_ALGORITHM_MISMATCH);
		JWK encryptionKey = new RSAKeyGenerator(2048).keyID("enc").keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION)
			.generate();
		assertReason(() -> TokenKey.of(encryptionKey, JWSAlgorithm.RS256), Reason.KEY_ALGORITHM_MISMATCH);
		assertReason(() -> TokenKey.of(rsa, JWSAlgorithm.parse("none")), Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void shortHmacSecretIsRejected() {
		assertReason(() -> TokenKey.hmac(new byte[31], JWSAlgorithm.HS256, "k"), Reason.SECRET_TOO_SHORT);
		assertReason(() -> TokenKey.hmac(new byte[47], JWSAlgorithm.HS384, "k"), Reason.SECRET_TOO_SHORT);
		assertReason(() -> TokenKey.hmac(new byte[63], JWSAlgorithm.HS512, "k"), Reason.SECRET_TOO_SHORT);
		assertThat(TokenKey.hmac(new byte[32], JWSAlgorithm.HS256, "k").kid()).isEqualTo("k");
		assertReason(() -> TokenKey.hmac(new byte[64], JWSAlgorithm.HS256, null), Reason.MISSING_KEY_ID);
	}

	@Test
	void smallRsaKeyIsRejected() throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		java.security.KeyPair pair = generator.generateKeyPair();
		JWK small = new com.nimbusds.jose.jwk.RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
			.keyID("small")
			.build();
		assertReason(() -> TokenKey.of(small, JWSAlgorithm.RS256), Reason.KEY_TOO_SMALL);
	}

	@Test
	void activeKeyMustSignAndKidsMustBeUnique() {
		TokenKey rsa = TokenKey.generate(JWSAlgorithm.RS256, "rsa");
		TokenKey publicOnly = TokenKey.of(rsa.publicJwk().orElseThrow(), JWSAlgorithm.RS256);
		assertThat(publicOnly.canSign()).isFalse();
		assertReason(() -> TokenKeyring.of(publicOnly), Reason.NO_SIGNING_KEY);
		assertReason(() -> TokenKeyring.from(List.of(publicOnly)), Reason.NO_SIGNING_KEY);
		assertReason(() -> TokenKeyring.of(rsa, List.of(TokenKey.generate(JWSAlgorithm.ES256, "rsa"))),
				Reason.DUPLICATE_KEY_ID);
		assertThat(TokenKeyring.from(List.of(publicOnly, TokenKey.generate(JWSAlgorithm.ES256, "ec"))).active().kid())
			.isEqualTo("ec");
	}

	@Test
	void toStringNeverPrintsKeyMaterial() {
		for (JWSAlgorithm alg : KeyAlgorithmRules.SUPPORTED) {
			TokenKey key = TokenKey.generate(alg, "kid-" + alg.getName());
			String secretPart = (key.jwk() instanceof OctetSequenceKey oct) ? oct.getKeyValue().toString()
					: String.valueOf(key.jwk().toJSONObject().get("d"));
			assertThat(key.toString()).contains("kid-" + alg.getName()).contains(alg.getName())
				.doesNotContain(secretPart);
			TokenKeyring keyring = TokenKeyring.of(key);
			assertThat(keyring.toString()).doesNotContain(secretPart);
			assertThat(new RotatingKeyring(keyring).toString()).doesNotContain(secretPart);
		}
	}

	@Test
	void keyErrorsNeverContainKeyMaterial() {
		byte[] secret = "this-secret-is-31-bytes-long!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> TokenKey.hmac(secret, JWSAlgorithm.HS256, "k"))
			.hasMessageContaining("31 bytes")
			.hasMessageNotContaining("this-secret")
			.hasMessageNotContaining(com.nimbusds.jose.util.Base64URL.encode(secret).toString());
	}

	private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidKeyConfigurationException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
