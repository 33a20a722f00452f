package dev.palisade.security.refresh;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Lifetimes and format of refresh tokens.
 *
 * @param absoluteLifetime how long a family lives however often it is used (default 30 days)
 * @param idleTimeout how long a family lives without being used (default 7 days)
 * @param prefix the recognisable token prefix, lower-case letters and digits (default {@code palrt})
 */
public record RefreshTokenPolicy(Duration absoluteLifetime, Duration idleTimeout, String prefix) {

	/** Default absolute lifetime of a family. */
	public static final Duration DEFAULT_ABSOLUTE_LIFETIME = Duration.ofDays(30);

	/** Default idle timeout of a family. */
	public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofDays(7);

	/** Default token prefix. */
	public static final String DEFAULT_PREFIX = "palrt";

	private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,15}");

	public RefreshTokenPolicy {
		Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
		Objects.requireNonNull(idleTimeout, "idleTimeout");
		Objects.requireNonNull(prefix, "prefix");
		if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
			throw new IllegalArgumentException("absoluteLifetime must be positive");
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive");
		}
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("prefix must be 2-16 lower-case letters or digits, starting with a letter");
		}
	}

	/** 30 days absolute, 7 days idle, prefix {@code palrt}. */
	public static RefreshTokenPolicy defaults() {
		return new RefreshTokenPolicy(DEFAULT_ABSOLUTE_LIFETIME, DEFAULT_IDLE_TIMEOUT, DEFAULT_PREFIX);
	}
}
