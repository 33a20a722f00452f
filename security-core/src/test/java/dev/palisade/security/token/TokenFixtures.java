package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64URL;

import dev.palisade.security.principal.PrincipalKind;

/** Builds tokens by hand (any header, any payload) for attack tests. */
final class TokenFixtures {

	static final String ISSUER = "https://auth.palisade.test";

	static final String AUDIENCE = "agents-api";

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private TokenFixtures() {
	}

	static AccessTokenSettings settings() {
		return AccessTokenSettings.defaults(ISSUER, Set.of(AUDIENCE, "other-api"));
	}

	static AccessTokenRequest alice() {
		return new AccessTokenRequest("alice", PrincipalKind.USER, "acme", "rocket", Set.of("org:admin"),
				Set.of("agents:read", "agents:write"), null);
	}

	static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/** Claims JSON valid for {@link #NOW} unless overridden by {@code extra} (raw JSON members). */
	static String claims(String extra) {
		long now = NOW.getEpochSecond();
		String base = "\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"mallory\",\"jti\":\"j1\","
				+ "\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 600);
		return "{" + ((extra == null || extra.isEmpty()) ? base : extra + "," + base) + "}";
	}

	/** Signs {@code headerJson.payloadJson} with {@code signer}; the header must parse as a JWS header. */
	static String sign(String headerJson, String payloadJson, JWSSigner signer) throws Exception {
		String input = b64(headerJson) + "." + b64(payloadJson);
		JWSHeader header = JWSHeader.parse(new Base64URL(b64(headerJson)));
		return input + "." + signer.sign(header, input.getBytes(StandardCharsets.US_ASCII));
	}

	static String sign(String headerJson, String payloadJson, TokenKey key) throws Exception {
		return sign(headerJson, payloadJson, key.signer(CryptoProviderPreference.JDK));
	}

	static String header(TokenKey key) {
		return "{\"alg\":\"" + key.algorithm().getName() + "\",\"typ\":\"at+jwt\",\"kid\":\"" + key.kid() + "\"}";
	}

	static TokenKeyring keyring(TokenKey active, TokenKey... others) {
		return TokenKeyring.of(active, List.of(others));
	}

}
