package dev.palisade.security.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * Access-token ids ({@code jti}) revoked before their expiry, consulted on every verification so
 * a revoked access token dies at once. Each entry is kept exactly until its token's {@code exp}
 * (after that the token is rejected anyway), so memory follows the number of revocations within
 * one access-token lifetime. Backed by Caffeine with per-entry expiry on the injected clock.
 *
 * <p><b>At the size bound (fail closed):</b> if more than {@code maximumSize} live entries are
 * needed, Caffeine evicts one before its expiry. From then until that entry's {@code exp} the list
 * is <em>saturated</em> and {@link #isDenied} answers {@code true} for every id: no revoked token
 * can slip through, at the price of rejecting all access tokens (clients fall back to their
 * refresh token) for at most one access-token lifetime. The {@code onSaturated} hook is called so
 * this can be alerted on; size the bound well above the expected revocations per access-token
 * lifetime.
 *
 * <p>Per node only: a multi-node deployment needs a shared deny list (not provided yet).
 */
public final class AccessTokenDenyList {

	/** Default bound on live entries (roughly 10 MB of heap). */
	public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

	private final Clock clock;

	private final Cache<String, Instant> entries;

	private final AtomicReference<Instant> saturatedUntil = new AtomicReference<>(Instant.MIN);

	private final Consumer<Instant> onSaturated;

	/**
	 * @param clock the clock token expiries are compared with
	 * @param maximumSize bound on live entries; see the class comment for what happens beyond it
	 * @param onSaturated told the instant until which every token is denied when the bound is hit
	 */
	public AccessTokenDenyList(Clock clock, long maximumSize, Consumer<Instant> onSaturated) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.onSaturated = Objects.requireNonNull(onSaturated, "onSaturated");
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		this.entries = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.executor(Runnable::run)
			.maximumSize(maximumSize)
			.expireAfter(new UntilTokenExpiry(clock))
			.evictionListener((String jti, Instant exp, RemovalCause cause) -> {
				if (cause == RemovalCause.SIZE && exp != null) {
					saturate(exp);
				}
			})
			.build();
	}

	/** A list with the default bound on the system clock that ignores saturation events. */
	public AccessTokenDenyList() {
		this(Clock.systemUTC(), DEFAULT_MAXIMUM_SIZE, (until) -> {
		});
	}

	/**
	 * Denies the access token with this id until {@code expiresAt}; a token already expired is not
	 * recorded. Denying the same id again keeps the later expiry.
	 */
	public void deny(String jti, Instant expiresAt) {
		Objects.requireNonNull(jti, "jti");
		Objects.requireNonNull(expiresAt, "expiresAt");
		if (!expiresAt.isAfter(this.clock.instant())) {
			return;
		}
		this.entries.asMap().merge(jti, expiresAt, (old, exp) -> old.isAfter(exp) ? old : exp);
		this.entries.cleanUp();
	}

	/**
	 * Whether an access token with this id must be rejected: it was denied and has not expired, or
	 * the list is saturated. A {@code null} id is denied only while saturated.
	 */
	public boolean isDenied(String jti) {
		if (isSaturated()) {
			return true;
		}
		return jti != null && this.entries.getIfPresent(jti) != null;
	}

	/** Whether the size bound was hit and every token is denied until the evicted entries expire. */
	public boolean isSaturated() {
		return this.clock.instant().isBefore(this.saturatedUntil.get());
	}

	/** Approximate number of live entries. */
	public long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

	private void saturate(Instant until) {
		Instant updated = this.saturatedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
		this.onSaturated.accept(updated);
	}

	@Override
	public String toString() {
		return "AccessTokenDenyList[size=" + this.entries.estimatedSize() + "]";
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
