package dev.palisade.security.autoconfigure.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.palisade.security.token.InvalidTokenException.Reason;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim checks Palisade applies to its own tokens, applied to an external provider's tokens:
 * {@code exp} required, {@code exp}/{@code nbf}/{@code iat} within the clock skew, {@code iss}
 * exact when an issuer is configured, {@code aud} containing one accepted audience when any are
 * configured. Spring's {@code JwtTimestampValidator} does not require {@code exp}, hence this
 * class. The error description is the {@link Reason} name, read back by
 * {@link ExternalJwtAccessTokenVerifier}.
 */
final class ExternalTokenValidator implements OAuth2TokenValidator<Jwt> {

	private final String issuer;

	private final Set<String> audiences;

	private final Duration clockSkew;

	private final Clock clock;

	ExternalTokenValidator(String issuer, Set<String> audiences, Duration clockSkew, Clock clock) {
		// fail closed: without both, any token the provider signs for any client would be accepted
		if (issuer == null || issuer.isBlank() || audiences.isEmpty()) {
			throw new IllegalArgumentException("An external provider needs an issuer and at least one audience");
		}
		this.issuer = issuer;
		this.audiences = Set.copyOf(audiences);
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Instant now = this.clock.instant();
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return failure(Reason.MISSING_CLAIM);
		}
		if (now.minus(this.clockSkew).isAfter(expiresAt)) {
			return failure(Reason.EXPIRED);
		}
		Instant latestAcceptable = now.plus(this.clockSkew);
		if ((jwt.getNotBefore() != null && jwt.getNotBefore().isAfter(latestAcceptable))
				|| (jwt.getIssuedAt() != null && jwt.getIssuedAt().isAfter(latestAcceptable))) {
			return failure(Reason.NOT_YET_VALID);
		}
		if (!this.issuer.equals(jwt.getClaimAsString("iss"))) {
			return failure(Reason.WRONG_ISSUER);
		}
		List<String> audience = jwt.getAudience();
		if (audience == null || audience.stream().noneMatch(this.audiences::contains)) {
			return failure(Reason.WRONG_AUDIENCE);
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(Reason reason) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason.name(), null));
	}

	static Reason reasonOf(OAuth2Error error) {
		try {
			return Reason.valueOf(error.getDescription());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}
}
