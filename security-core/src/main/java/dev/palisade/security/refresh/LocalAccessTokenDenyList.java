package dev.palisade.security.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The deny list of one node: Caffeine with per-entry expiry on the injected clock, so each entry
 * dies with its token and memory follows the number of revocations within one access-token
 * lifetime. There is no eviction before expiry, so the answer stays exact under any load; at
 * {@code maximumSize} live entries a further revocation is refused with
 * {@link DenyListFullException} (the revoker is answered 503) instead of evicting an entry or
 * denying everyone. Revoking needs the token itself and the revocation endpoint is rate limited, so
 * filling the list takes {@code maximumSize} tokens obtained within one token lifetime.
 */
public final class LocalAccessTokenDenyList implements AccessTokenDenyList {

	private final Clock clock;

	private final long maximumSize;

	private final Cache<String, Instant> entries;

	/**
	 * @param clock the clock token expiries are compared with
	 * @param maximumSize bound on live entries; a revocation beyond it is refused
	 */
	public LocalAccessTokenDenyList(Clock clock, long maximumSize) {
		this.clock = Objects.requireNonNull(clock, "clock");
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		this.maximumSize = maximumSize;
		this.entries = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.executor(Runnable::run)
			.expireAfter(new UntilTokenExpiry(clock))
			.build();
	}

	/** A list with the default bound on the system clock. */
	public LocalAccessTokenDenyList() {
		this(Clock.systemUTC(), DEFAULT_MAXIMUM_SIZE);
	}

	@Override
	public void deny(String jti, Instant expiresAt) {
		Objects.requireNonNull(jti, "jti");
		Objects.requireNonNull(expiresAt, "expiresAt");
		if (!expiresAt.isAfter(this.clock.instant())) {
			return;
		}
		if (this.entries.getIfPresent(jti) == null && size() >= this.maximumSize) {
			throw new DenyListFullException(this.maximumSize);
		}
		this.entries.asMap().merge(jti, expiresAt, (old, exp) -> old.isAfter(exp) ? old : exp);
	}

	@Override
	public boolean isDenied(String jti) {
		if (jti == null) {
			return false;
		}
		Instant exp = this.entries.getIfPresent(jti);
		// exact at the millisecond: the timer wheel may keep an expired entry a little longer
		return exp != null && exp.isAfter(this.clock.instant());
	}

	@Override
	public long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

	@Override
	public String toString() {
		return "LocalAccessTokenDenyList[size=" + this.entries.estimatedSize() + "]";
	}

	/** Each entry lives until its token's {@code exp}. */
	private static final class UntilTokenExpiry implements Expiry<String, Instant> {

		private final Clock clock;

		UntilTokenExpiry(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(String jti, Instant exp, long currentTime) {
			return nanosUntil(exp);
		}

		@Override
		public long expireAfterUpdate(String jti, Instant exp, long currentTime, long currentDuration) {
			return nanosUntil(exp);
		}

		@Override
		public long expireAfterRead(String jti, Instant exp, long currentTime, long currentDuration) {
			return currentDuration;
		}

		private long nanosUntil(Instant exp) {
			Duration left = Duration.between(this.clock.instant(), exp);
			if (left.isNegative()) {
				return 0;
			}
			try {
				return left.toNanos();
			}
			catch (ArithmeticException ex) {
				return Long.MAX_VALUE;
			}
		}
	}
}
