package dev.palisade.security.web.tokenendpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A successful token response (RFC 6749 §5.1). {@link #toString()} leaves the tokens out: Spring
 * MVC logs response bodies at DEBUG level through it.
 *
 * @param accessToken the JWT access token
 * @param expiresIn seconds until the access token expires
 * @param refreshToken the opaque refresh token, or {@code null} for a grant that issues none
 * ({@code client_credentials}, as RFC 6749 §4.4.3 advises); left out of the JSON then
 */
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn,
		@JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken) {

	@JsonProperty("token_type")
	String tokenType() {
		return "Bearer";
	}

	@Override
	public String toString() {
		return "TokenResponse[token_type=Bearer, expires_in=" + this.expiresIn + "]";
	}
}
