package dev.palisade.security.token;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token must look like: who issues it, for whom, for how long, how much clock skew is
 * tolerated, how long a token string may be, and which claim names carry the principal.
 *
 * @param issuer the exact {@code iss} value written and required
 * @param audiences the {@code aud} values written; a verified token must contain at least one
 * @param ttl lifetime of issued tokens (default 15 minutes)
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat} checks (default 60 seconds)
 * @param maxTokenLength longest token string accepted, checked before any parsing (default 8192 chars)
 * @param claimNames claim names of the principal attributes
 */
public record AccessTokenSettings(String issuer, Set<String> audiences, Duration ttl, Duration clockSkew,
		int maxTokenLength, ClaimNames claimNames) {

	/** Default token lifetime. */
	public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

	/** Default clock skew. */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

	/** Default maximum token length in characters. */
	public static final int DEFAULT_MAX_TOKEN_LENGTH = 8192;

	public AccessTokenSettings {
		Objects.requireNonNull(issuer, "issuer");
		if (issuer.isBlank()) {
			throw new IllegalArgumentException("issuer must not be blank");
		}
		audiences = Set.copyOf(Objects.requireNonNull(audiences, "audiences"));
		if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("at least one non-blank audience is required");
		}
		ttl = (ttl != null) ? ttl : DEFAULT_TTL;
		clockSkew = (clockSkew != null) ? clockSkew : DEFAULT_CLOCK_SKEW;
		claimNames = (claimNames != null) ? claimNames : ClaimNames.defaults();
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("ttl must be positive");
		}
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
		}
		if (maxTokenLength < 256) {
			throw new IllegalArgumentException("maxTokenLength must be at least 256");
		}
	}

	/** Settings with the defaults: 15 minute TTL, 60 s skew, 8192 chars, default claim names. */
	public static AccessTokenSettings defaults(String issuer, Set<String> audiences) {
		return new AccessTokenSettings(issuer, audiences, DEFAULT_TTL, DEFAULT_CLOCK_SKEW, DEFAULT_MAX_TOKEN_LENGTH,
				ClaimNames.defaults());
	}

	/** A copy with another TTL. */
	public AccessTokenSettings withTtl(Duration ttl) {
		return new AccessTokenSettings(this.issuer, this.audiences, ttl, this.clockSkew, this.maxTokenLength,
				this.claimNames);
	}

	/** A copy with another clock skew. */
	public AccessTokenSettings withClockSkew(Duration clockSkew) {
		return new AccessTokenSettings(this.issuer, this.audiences, this.ttl, clockSkew, this.maxTokenLength,
				this.claimNames);
	}

	/** A copy with other claim names. */
	public AccessTokenSettings withClaimNames(ClaimNames claimNames) {
		return new AccessTokenSettings(this.issuer, this.audiences, this.ttl, this.clockSkew, this.maxTokenLength,
				claimNames);
	}

	/** A copy with another maximum token length. */
	public AccessTokenSettings withMaxTokenLength(int maxTokenLength) {
		return new AccessTokenSettings(this.issuer, this.audiences, this.ttl, this.clockSkew, maxTokenLength,
				this.claimNames);
	}

}
