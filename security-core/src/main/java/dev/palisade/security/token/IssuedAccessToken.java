package dev.palisade.security.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly signed access token. {@link #toString()} omits the token value, so logging the object does
 * not leak a bearer credential.
 *
 * @param value the compact JWS to hand to the client
 * @param jti the unique token id
 * @param issuedAt the {@code iat} time
 * @param expiresAt the {@code exp} time
 */
public record IssuedAccessToken(String value, String jti, Instant issuedAt, Instant expiresAt) {

	public IssuedAccessToken {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(jti, "jti");
		Objects.requireNonNull(issuedAt, "issuedAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	@Override
	public String toString() {
		return "IssuedAccessToken[jti=" + this.jti + ", issuedAt=" + this.issuedAt + ", expiresAt=" + this.expiresAt
				+ "]";
	}

}
