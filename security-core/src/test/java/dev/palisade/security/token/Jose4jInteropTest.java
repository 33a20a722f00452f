package dev.palisade.security.token;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.palisade.security.principal.PrincipalKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Interop with an independent JOSE implementation (jose4j), in both directions. */
class Jose4jInteropTest {

	static Stream<JWSAlgorithm> asymmetric() {
		return Stream.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.PS256);
	}

	@ParameterizedTest
	@MethodSource("asymmetric")
	void palisadeTokensVerifyInJose4jFromThePublishedJwkSet(JWSAlgorithm alg) throws Exception {
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(alg, "k-" + alg.getName()),
				List.of(TokenKey.generate(JWSAlgorithm.ES384, "other")));
		MutableClock clock = new MutableClock(Instant.now());
		IssuedAccessToken issued = new AccessTokenIssuer(() -> keyring, TokenFixtures.settings(), clock)
			.issue(TokenFixtures.alice());

		JsonWebKeySet jwks = new JsonWebKeySet(keyring.publicJwkSetJson());
		JsonWebSignature jws = new JsonWebSignature();
		jws.setCompactSerialization(issued.value());
		JsonWebKey selected = new VerificationJwkSelector().select(jws, jwks.getJsonWebKeys());
		assertThat(selected.getKeyId()).isEqualTo("k-" + alg.getName());

		JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(selected.getKey())
			.setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg.getName())
			.setExpectedIssuer(TokenFixtures.ISSUER)
			.setExpectedAudience(TokenFixtures.AUDIENCE)
			.setRequireExpirationTime()
			.setRequireJwtId()
			.setExpectedType(true, "at+jwt")
			.build();
		JwtClaims claims = consumer.processToClaims(issued.value());
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getJwtId()).isEqualTo(issued.jti());
		assertThat(claims.getStringListClaimValue("permissions")).containsExactly("agents:read", "agents:write");
	}

	@ParameterizedTest
	@MethodSource("asymmetric")
	void jose4jTokensVerifyInPalisade(JWSAlgorithm alg) throws Exception {
		TokenKey key = TokenKey.generate(alg, "j4-" + alg.getName());
		TokenKeyring keyring = TokenKeyring.of(key);
		JsonWebKey jose4jKey = JsonWebKey.Factory.newJwk(key.jwk().toJSONString());

		JwtClaims claims = new JwtClaims();
		claims.setIssuer(TokenFixtures.ISSUER);
		claims.setAudience(TokenFixtures.AUDIENCE);
		claims.setSubject("svc-build");
		claims.setJwtId("jose4j-1");
		claims.setIssuedAtToNow();
		claims.setNotBeforeMinutesInThePast(0);
		claims.setExpirationTimeMinutesInTheFuture(5);
		claims.setStringListClaim("roles", "ci");
		claims.setStringClaim("scope", "builds:run builds:read");
		claims.setStringClaim("kind", "service");

		JsonWebSignature jws = new JsonWebSignature();
		jws.setPayload(claims.toJson());
		jws.setAlgorithmHeaderValue(alg.getName());
		jws.setKeyIdHeaderValue(key.kid());
		jws.setHeader("typ", "at+jwt");
		jws.setKey((jose4jKey instanceof org.jose4j.jwk.PublicJsonWebKey pub) ? pub.getPrivateKey() : jose4jKey.getKey());
		String token = jws.getCompactSerialization();

		MutableClock clock = new MutableClock(Instant.ofEpochSecond(NumericDate.now().getValue()));
		VerifiedAccessToken verified = new KeyringAccessTokenVerifier(() -> keyring, TokenFixtures.settings(), clock)
			.verify(token);
		assertThat(verified.principal().subject()).isEqualTo("svc-build");
		assertThat(verified.principal().kind()).isEqualTo(PrincipalKind.SERVICE);
		assertThat(verified.principal().permissions()).containsExactlyInAnyOrder("builds:run", "builds:read");
		assertThat(verified.principal().roles()).containsExactly("ci");
		assertThat(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue()).isEqualTo(key.kid());
	}

}
