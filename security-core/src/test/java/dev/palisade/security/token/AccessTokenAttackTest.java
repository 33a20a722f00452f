package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.palisade.security.token.InvalidTokenException.Reason;

import static dev.palisade.security.token.TokenFixtures.b64;
import static dev.palisade.security.token.TokenFixtures.claims;
import static dev.palisade.security.token.TokenFixtures.header;
import static dev.palisade.security.token.TokenFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One named test per attack on the access-token verifier. */
class AccessTokenAttackTest {

	private static final TokenKey RSA = TokenKey.generate(JWSAlgorithm.RS256, "rsa-1");

	private static final TokenKey EC = TokenKey.generate(JWSAlgorithm.ES256, "ec-1");

	private static final TokenKey ATTACKER_EC = TokenKey.generate(JWSAlgorithm.ES256, "ec-1");

	private final MutableClock clock = new MutableClock(TokenFixtures.NOW);

	private final TokenKeyring keyring = TokenFixtures.keyring(RSA, EC);

	private final KeyringAccessTokenVerifier verifier = new KeyringAccessTokenVerifier(() -> this.keyring,
			TokenFixtures.settings(), this.clock);

	@Test
	void wellFormedHandMadeTokenIsAccepted() throws Exception {
		// the baseline every attack below deviates from in exactly one way
		assertThat(this.verifier.verify(sign(header(RSA), claims(""), RSA)).principal().subject()).isEqualTo("mallory");
		assertThat(this.verifier.verify(sign(header(EC), claims(""), EC)).keyId()).isEqualTo("ec-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api_key", "client_cert" })
	void aKindClaimCannotMakeATokenPassForAnotherCredentialKind(String kind) throws Exception {
		// a validly signed token claiming to be a victim API key, to spend its budget and wear its audit trail
		String token = sign(header(RSA), claims("\"kind\":\"" + kind + "\""), RSA);
		assertRejected(token, Reason.MALFORMED);
		assertThat(this.verifier.verify(sign(header(RSA), claims("\"kind\":\"service\""), RSA)).principal().kind())
			.isEqualTo(dev.palisade.security.principal.PrincipalKind.SERVICE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "NONE", "nOnE" })
	void algNoneInAnySpellingIsRejected(String none) {
		String token = b64("{\"alg\":\"" + none + "\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}") + "." + b64(claims(""))
				+ ".";
		assertRejected(token, Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void hs256SignedWithTheRsaPublicKeyBytesIsRejected() throws Exception {
		RSAKey rsaPublic = (RSAKey) RSA.publicJwk().orElseThrow();
		byte[] der = rsaPublic.toRSAPublicKey().getEncoded();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
		String hsHeader = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}";
		for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
				rsaPublic.toJSONString().getBytes(StandardCharsets.UTF_8))) {
			assertRejected(sign(hsHeader, claims(""), new MACSigner(secret)), Reason.UNSUPPORTED_ALGORITHM);
		}
	}

	@Test
	void embeddedJwkHeaderIsIgnored() throws Exception {
		String attackerJwk = ATTACKER_EC.publicJwk().orElseThrow().toJSONString();
		String hdr = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\",\"jwk\":" + attackerJwk + "}";
		assertRejected(sign(hdr, claims(""), ATTACKER_EC), Reason.BAD_SIGNATURE);
		String ownKid = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"attacker\",\"jwk\":" + attackerJwk + "}";
		assertRejected(sign(ownKid, claims(""), ATTACKER_EC), Reason.UNKNOWN_KEY);
	}

	@Test
	void jkuHeaderIsIgnored() throws Exception {
		String hdr = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\",\"jku\":\"https://attacker.test/jwks.json\"}";
		assertRejected(sign(hdr, claims(""), ATTACKER_EC), Reason.BAD_SIGNATURE);
	}

	@Test
	void x5uHeaderIsIgnored() throws Exception {
		String hdr = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\",\"x5u\":\"https://attacker.test/cert.pem\"}";
		assertRejected(sign(hdr, claims(""), ATTACKER_EC), Reason.BAD_SIGNATURE);
	}

	@Test
	void unknownCriticalHeaderIsRejected() throws Exception {
		String hdr = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"crit\":[\"x-palisade-test\"],"
				+ "\"x-palisade-test\":true}";
		assertRejected(sign(hdr, claims(""), RSA), Reason.CRITICAL_HEADER);
	}

	@Test
	void missingExpIsRejected() throws Exception {
		long now = TokenFixtures.NOW.getEpochSecond();
		String noExp = "{\"iss\":\"" + TokenFixtures.ISSUER + "\",\"aud\":\"agents-api\",\"sub\":\"m\",\"jti\":\"j\",\"iat\":"
				+ now + "}";
		assertRejected(sign(header(RSA), noExp, RSA), Reason.MISSING_CLAIM);
	}

	@Test
	void expiredByOneSecondBeyondSkewIsRejected() throws Exception {
		AccessTokenIssuer issuer = new AccessTokenIssuer(() -> this.keyring, TokenFixtures.settings(), this.clock);
		IssuedAccessToken token = issuer.issue(TokenFixtures.alice());
		this.clock.set(token.expiresAt().plus(Duration.ofSeconds(59)));
		assertThat(this.verifier.verify(token.value()).jti()).isEqualTo(token.jti());
		this.clock.set(token.expiresAt().plus(Duration.ofSeconds(61)));
		assertRejected(token.value(), Reason.EXPIRED);
	}

	@Test
	void nbfInTheFutureBeyondSkewIsRejected() throws Exception {
		long nbf = TokenFixtures.NOW.getEpochSecond() + 61;
		String payload = claims("").replace("\"nbf\":" + TokenFixtures.NOW.getEpochSecond(), "\"nbf\":" + nbf);
		assertRejected(sign(header(RSA), payload, RSA), Reason.NOT_YET_VALID);
		String within = claims("").replace("\"nbf\":" + TokenFixtures.NOW.getEpochSecond(), "\"nbf\":" + (nbf - 2));
		assertThat(this.verifier.verify(sign(header(RSA), within, RSA))).isNotNull();
	}

	@Test
	void iatInTheFutureBeyondSkewIsRejected() throws Exception {
		long iat = TokenFixtures.NOW.getEpochSecond() + 61;
		String payload = claims("").replace("\"iat\":" + TokenFixtures.NOW.getEpochSecond(), "\"iat\":" + iat);
		assertRejected(sign(header(RSA), payload, RSA), Reason.NOT_YET_VALID);
	}

	@Test
	void wrongIssuerIsRejected() throws Exception {
		assertRejected(sign(header(RSA), claims("").replace(TokenFixtures.ISSUER, "https://evil.test"), RSA),
				Reason.WRONG_ISSUER);
		// exact match: no prefix, no trailing slash
		assertRejected(sign(header(RSA), claims("").replace(TokenFixtures.ISSUER, TokenFixtures.ISSUER + "/"), RSA),
				Reason.WRONG_ISSUER);
	}

	@Test
	void wrongAudienceIsRejected() throws Exception {
		assertRejected(sign(header(RSA), claims("").replace("\"aud\":\"agents-api\"", "\"aud\":[\"billing-api\"]"), RSA),
				Reason.WRONG_AUDIENCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "JWT", "refresh+jwt", "id_token+jwt", "dpop+jwt" })
	void otherTokenTypesAreRejected(String typ) throws Exception {
		String hdr = "{\"alg\":\"RS256\",\"typ\":\"" + typ + "\",\"kid\":\"rsa-1\"}";
		assertRejected(sign(hdr, claims(""), RSA), Reason.WRONG_TYPE);
	}

	@Test
	void missingTypIsRejected() throws Exception {
		assertRejected(sign("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", claims(""), RSA), Reason.WRONG_TYPE);
	}

	@Test
	void strippedSignatureIsRejected() throws Exception {
		String token = sign(header(RSA), claims(""), RSA);
		// an empty signature part does not even form a JWS for Nimbus
		assertRejected(token.substring(0, token.lastIndexOf('.') + 1), Reason.MALFORMED);
		assertRejected(token.substring(0, token.lastIndexOf('.')), Reason.MALFORMED);
	}

	@Test
	void signatureOfAnotherKeyWithTheSameKidIsRejected() throws Exception {
		assertRejected(sign(header(EC), claims(""), ATTACKER_EC), Reason.BAD_SIGNATURE);
		TokenKey otherRsa = TokenKey.generate(JWSAlgorithm.RS256, "rsa-1");
		assertRejected(sign(header(otherRsa), claims(""), otherRsa), Reason.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "/dev/zero", "' OR '1'='1", "rsa-1'; DROP TABLE keys; --",
			"rsa-1\\u0000", "" })
	void hostileKidIsUnknown(String kid) throws Exception {
		String hdr = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
		assertRejected(sign(hdr, claims(""), RSA), Reason.UNKNOWN_KEY);
	}

	@Test
	void tenMegabyteHeaderIsRejectedAsTooLongBeforeParsing() {
		// the header is not even base64url: a parser would say MALFORMED, the length check says TOO_LONG
		String token = "!".repeat(10 * 1024 * 1024) + "." + b64(claims("")) + ".sig";
		assertRejected(token, Reason.TOO_LONG);
	}

	@Test
	void deeplyNestedJsonInPayloadIsMalformed() throws Exception {
		KeyringAccessTokenVerifier roomy = new KeyringAccessTokenVerifier(() -> this.keyring,
				TokenFixtures.settings().withMaxTokenLength(1 << 20), this.clock);
		String nested = "{\"sub\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
		String signed = sign(header(RSA), nested, RSA);
		assertRejected(roomy, signed, Reason.MALFORMED);
		String unsigned = b64(header(RSA)) + "." + b64(nested) + ".AAAA";
		assertThatThrownBy(() -> roomy.verify(unsigned)).isInstanceOf(InvalidTokenException.class);
		String nestedHeader = b64("{\"alg\":\"RS256\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}") + "."
				+ b64(claims("")) + ".AAAA";
		assertRejected(roomy, nestedHeader, Reason.MALFORMED);
	}

	@Test
	void duplicateClaimNamesAreMalformed() throws Exception {
		String payload = claims("\"sub\":\"admin\"");
		assertThat(payload).contains("\"sub\":\"admin\"").contains("\"sub\":\"mallory\"");
		assertRejected(sign(header(RSA), payload, RSA), Reason.MALFORMED);
	}

	@Test
	void duplicateHeaderNamesAreMalformed() throws Exception {
		String hdr = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"alg\":\"none\"}";
		String token = b64(hdr) + "." + b64(claims("")) + ".AAAA";
		assertRejected(token, Reason.MALFORMED);
	}

	@ParameterizedTest
	@EnumSource(CryptoProviderPreference.class)
	void ecdsaSignatureWithRAndSZeroIsRejected(CryptoProviderPreference provider) {
		KeyringAccessTokenVerifier ecVerifier = new KeyringAccessTokenVerifier(() -> this.keyring,
				TokenFixtures.settings(), this.clock, (jti) -> false, provider);
		String token = b64(header(EC)) + "." + b64(claims("")) + "." + com.nimbusds.jose.util.Base64URL.encode(new byte[64]);
		assertRejected(ecVerifier, token, Reason.BAD_SIGNATURE);
		String wrongLength = b64(header(EC)) + "." + b64(claims("")) + "."
				+ com.nimbusds.jose.util.Base64URL.encode(new byte[72]);
		assertRejected(ecVerifier, wrongLength, Reason.BAD_SIGNATURE);
	}

	@Test
	void malformedBase64IsRejected() throws Exception {
		String token = sign(header(RSA), claims(""), RSA);
		assertRejected("$" + token.substring(1), Reason.MALFORMED);
		assertRejected(token.replaceFirst("\\.", "=."), Reason.MALFORMED);
		assertRejected(token + "=", Reason.MALFORMED);
	}

	@Test
	void garbageJsonIsRejected() throws Exception {
		assertRejected(b64("not json at all") + "." + b64(claims("")) + ".AAAA", Reason.MALFORMED);
		assertRejected(b64("[\"alg\",\"RS256\"]") + "." + b64(claims("")) + ".AAAA", Reason.MALFORMED);
		assertRejected(sign(header(RSA), "{\"sub\": oops", RSA), Reason.MALFORMED);
		assertRejected(sign(header(RSA), "[1,2,3]", RSA), Reason.MALFORMED);
	}

	@Test
	void hugeNumbersAndWrongClaimTypesAreRejectedCleanly() throws Exception {
		assertThatThrownBy(() -> this.verifier.verify(sign(header(RSA), claims("").replaceFirst("\"exp\":\\d+",
				"\"exp\":1" + "0".repeat(400)), RSA)))
			.isInstanceOf(InvalidTokenException.class);
		assertThatThrownBy(() -> this.verifier.verify(sign(header(RSA), claims("").replaceFirst("\"exp\":\\d+",
				"\"exp\":\"tomorrow\""), RSA)))
			.isInstanceOf(InvalidTokenException.class);
		assertRejected(sign(header(RSA), claims("\"roles\":{\"a\":1}"), RSA), Reason.MALFORMED);
		assertRejected(sign(header(RSA), claims("\"kind\":\"superuser\""), RSA), Reason.MALFORMED);
	}

	@Test
	void headerAlgorithmOtherThanTheKeysIsRejected() throws Exception {
		TokenKey hs = TokenKey.generate(JWSAlgorithm.HS512, "hs");
		TokenKeyring withHmac = TokenFixtures.keyring(hs);
		KeyringAccessTokenVerifier hmacVerifier = new KeyringAccessTokenVerifier(() -> withHmac,
				TokenFixtures.settings(), this.clock);
		String hdr = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"hs\"}";
		assertRejected(hmacVerifier, sign(hdr, claims(""), new MACSigner(hs.jwk().toOctetSequenceKey())),
				Reason.UNSUPPORTED_ALGORITHM);
		String ps = "{\"alg\":\"PS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}";
		assertRejected(sign(ps, claims(""), RSA.signer(CryptoProviderPreference.JDK)), Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void jweAndOtherShapesAreMalformed() {
		assertRejected("a.b.c.d.e", Reason.MALFORMED);
		assertRejected("", Reason.MALFORMED);
		assertRejected(null, Reason.MALFORMED);
		assertRejected("...", Reason.MALFORMED);
	}

	@Test
	void revokedJtiIsRejectedAndABrokenDenyListFailsClosed() throws Exception {
		String token = sign(header(RSA), claims(""), RSA);
		KeyringAccessTokenVerifier denying = new KeyringAccessTokenVerifier(() -> this.keyring,
				TokenFixtures.settings(), this.clock, "j1"::equals, CryptoProviderPreference.JDK);
		assertRejected(denying, token, Reason.REVOKED);
		KeyringAccessTokenVerifier broken = new KeyringAccessTokenVerifier(() -> this.keyring,
				TokenFixtures.settings(), this.clock, (jti) -> {
					throw new IllegalStateException("deny list down");
				}, CryptoProviderPreference.JDK);
		assertRejected(broken, token, Reason.REVOKED);
	}

	@Test
	void rejectionMessageNeverContainsTheToken() throws Exception {
		String token = sign(header(RSA), claims("").replace(TokenFixtures.ISSUER, "https://evil.test"), RSA);
		assertThatThrownBy(() -> this.verifier.verify(token)).satisfies((ex) -> {
			assertThat(ex.getMessage()).isEqualTo("Invalid access token");
			assertThat(ex.toString()).doesNotContain(token.substring(0, 20));
			assertThat(ex.getCause()).isNull();
		});
	}

	private void assertRejected(String token, Reason reason) {
		assertRejected(this.verifier, token, reason);
	}

	private static void assertRejected(AccessTokenVerifier verifier, String token, Reason reason) {
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
