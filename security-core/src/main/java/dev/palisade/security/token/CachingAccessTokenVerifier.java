package dev.palisade.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.palisade.security.token.InvalidTokenException.Reason;
import dev.palisade.security.token.TokenClaimsVerifier.ReasonedBadJWTException;

/**
 * Caches successful verifications so a repeated token skips JSON parsing and signature checks. The
 * cache is bounded, keyed by the SHA-256 of the token (never the token itself), and an entry lives at
 * most until the token's {@code exp} plus skew. On every hit the time checks ({@code exp}, {@code nbf},
 * {@code iat} with skew), the {@code jti} deny list and the key's presence in the keyring are applied
 * again, so a revoked token, a retired key or an expired token is rejected even while cached.
 * Failures are never cached.
 */
public final class CachingAccessTokenVerifier implements AccessTokenVerifier {

	/** Default maximum number of cached tokens. */
	public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

	private final AccessTokenVerifier delegate;

	private final Clock clock;

	private final Duration clockSkew;

	private final Predicate<String> revokedJti;

	private final Predicate<String> keyIdTrusted;

	private final int maxTokenLength;

	private final Cache<TokenDigest, VerifiedAccessToken> cache;

	/** Caches around a keyring verifier, re-using its clock, skew, deny list, length limit and keyring. */
	public CachingAccessTokenVerifier(KeyringAccessTokenVerifier delegate, long maximumSize) {
		this(delegate, delegate.clock(), delegate.settings().clockSkew(), maximumSize, delegate.revokedJti(),
				(kid) -> delegate.keys().get().find(kid).isPresent(), delegate.settings().maxTokenLength());
	}

	/**
	 * Caches around any verifier.
	 * @param keyIdTrusted whether the {@code kid} that verified a cached token is still trusted
	 */
	public CachingAccessTokenVerifier(AccessTokenVerifier delegate, Clock clock, Duration clockSkew, long maximumSize,
			Predicate<String> revokedJti, Predicate<String> keyIdTrusted) {
		this(delegate, clock, clockSkew, maximumSize, revokedJti, keyIdTrusted, Integer.MAX_VALUE);
	}

	private CachingAccessTokenVerifier(AccessTokenVerifier delegate, Clock clock, Duration clockSkew,
			long maximumSize, Predicate<String> revokedJti, Predicate<String> keyIdTrusted, int maxTokenLength) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
		this.revokedJti = Objects.requireNonNull(revokedJti, "revokedJti");
		this.keyIdTrusted = Objects.requireNonNull(keyIdTrusted, "keyIdTrusted");
		this.maxTokenLength = maxTokenLength;
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilTokenExpiry()).build();
	}

	@Override
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		if (token == null || token.length() > this.maxTokenLength) {
			return this.delegate.verify(token);
		}
		TokenDigest key = TokenDigest.of(token);
		VerifiedAccessToken cached = this.cache.getIfPresent(key);
		if (cached != null) {
			try {
				recheck(cached);
			}
			catch (InvalidTokenException ex) {
				this.cache.invalidate(key);
				throw ex;
			}
			return cached;
		}
		VerifiedAccessToken verified = this.delegate.verify(token);
		this.cache.put(key, verified);
		return verified;
	}

	/** Drops every cached verification (for example after an emergency key retirement). */
	public void invalidateAll() {
		this.cache.invalidateAll();
	}

	/** Approximate number of cached verifications. */
	public long estimatedSize() {
		return this.cache.estimatedSize();
	}

	/** Runs pending cache maintenance (eviction) in the calling thread; for tests. */
	void cleanUp() {
		this.cache.cleanUp();
	}

	Set<TokenDigest> cachedKeys() {
		return Set.copyOf(this.cache.asMap().keySet());
	}

	private void recheck(VerifiedAccessToken cached) throws InvalidTokenException {
		try {
			TokenClaimsVerifier.checkTimes(this.clock.instant(), this.clockSkew, cached.expiresAt(),
					cached.notBefore(), cached.issuedAt());
			if (cached.jti() != null) {
				TokenClaimsVerifier.checkRevoked(this.revokedJti, cached.jti());
			}
		}
		catch (ReasonedBadJWTException ex) {
			throw new InvalidTokenException(ex.reason());
		}
		boolean trusted;
		try {
			trusted = cached.keyId() == null || this.keyIdTrusted.test(cached.keyId());
		}
		catch (RuntimeException ex) {
			trusted = false;
		}
		if (!trusted) {
			throw new InvalidTokenException(Reason.UNKNOWN_KEY);
		}
	}

	/** Entries live until the token's exp plus skew (as seen by our clock), never longer. */
	private final class UntilTokenExpiry implements Expiry<TokenDigest, VerifiedAccessToken> {

		@Override
		public long expireAfterCreate(TokenDigest key, VerifiedAccessToken value, long currentTime) {
			Instant deadline = value.expiresAt().plus(CachingAccessTokenVerifier.this.clockSkew);
			Duration left = Duration.between(CachingAccessTokenVerifier.this.clock.instant(), deadline);
			return left.isNegative() ? 0 : saturatedNanos(left);
		}

		@Override
		public long expireAfterUpdate(TokenDigest key, VerifiedAccessToken value, long currentTime,
				long currentDuration) {
			return expireAfterCreate(key, value, currentTime);
		}

		@Override
		public long expireAfterRead(TokenDigest key, VerifiedAccessToken value, long currentTime,
				long currentDuration) {
			return currentDuration;
		}

		private long saturatedNanos(Duration duration) {
			try {
				return duration.toNanos();
			}
			catch (ArithmeticException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

}
