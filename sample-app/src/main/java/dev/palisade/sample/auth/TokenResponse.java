package dev.palisade.sample.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A successful token response (RFC 6749 §5.1). {@link #toString()} leaves the tokens out: Spring
 * MVC logs response bodies at DEBUG level through it.
 *
 * @param accessToken the JWT access token
 * @param expiresIn seconds until the access token expires
 * @param refreshToken the opaque refresh token
 */
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn,
		@JsonProperty("refresh_token") String refreshToken) {

	@JsonProperty("token_type")
	String tokenType() {
		return "Bearer";
	}

	@Override
	public String toString() {
		return "TokenResponse[token_type=Bearer, expires_in=" + this.expiresIn + "]";
	}
}
