package dev.palisade.security.token;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * The result of a successful verification: the principal and the token facts audit and revocation need.
 *
 * @param principal the caller
 * @param jti the token id ({@code null} if an external token has none)
 * @param issuer the {@code iss} claim
 * @param issuedAt the {@code iat} claim, or {@code null} if absent
 * @param expiresAt the {@code exp} claim
 * @param notBefore the {@code nbf} claim, or {@code null} if absent
 * @param keyId the {@code kid} of the key that verified the signature
 * @param claims all claims, unmodifiable
 */
public record VerifiedAccessToken(PalisadePrincipal principal, String jti, String issuer, Instant issuedAt,
		Instant expiresAt, Instant notBefore, String keyId, Map<String, Object> claims) {

	public VerifiedAccessToken {
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(expiresAt, "expiresAt");
		claims = (claims != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims))
				: Map.of();
	}

}
