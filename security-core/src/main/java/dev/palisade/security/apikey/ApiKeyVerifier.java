package dev.palisade.security.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Decides whether a presented API key may be used. Steps, cheapest first:
 * <ol>
 * <li>shape and CRC-32 checksum ({@link ApiKeyFormat#parse(String)}): a malformed or mistyped key
 * never reaches the cache or the store;</li>
 * <li>the record by key id, from a bounded Caffeine cache in front of the {@link ApiKeyStore}
 * (entries live at most the cache TTL, default 30 s; only found keys are cached);</li>
 * <li>{@code HMAC-SHA256(pepper, key)} compared in constant time with the stored hash, on every
 * call, cache hit or not;</li>
 * <li>revocation, rotation grace and expiry against the injected {@link Clock}, on every call.</li>
 * </ol>
 * Revocation through {@link ApiKeyService} on this node calls {@link #invalidate(String)}, so it
 * takes effect here at once; other nodes see it when their cache entry expires, that is within
 * the cache TTL. A store failure propagates as {@link ApiKeyStoreException} (fail closed; map it
 * to 503). Thread-safe.
 */
public final class ApiKeyVerifier {

	/** Default time a verified record is cached, and so the longest a revocation takes to reach every node. */
	public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

	/** Default maximum number of cached keys. */
	public static final long DEFAULT_CACHE_MAXIMUM_SIZE = 10_000;

	private final ApiKeyFormat format;

	private final ApiKeyHasher hasher;

	private final ApiKeyStore store;

	private final Clock clock;

	private final Cache<String, ApiKeyRecord> cache;

	private final LastUsedRecorder lastUsedRecorder;

	private ApiKeyVerifier(Builder builder) {
		this.format = builder.format;
		this.hasher = builder.hasher;
		this.store = builder.store;
		this.clock = builder.clock;
		this.lastUsedRecorder = builder.lastUsedRecorder;
		if (builder.cacheTtl.isZero()) {
			this.cache = null;
		}
		else {
			Caffeine<Object, Object> caffeine = Caffeine.newBuilder()
				.maximumSize(builder.cacheMaximumSize)
				.expireAfterWrite(builder.cacheTtl);
			if (builder.cacheTicker != null) {
				caffeine.ticker(builder.cacheTicker::getAsLong);
			}
			this.cache = caffeine.build();
		}
	}

	/** A builder with the required parts; everything else has defaults. */
	public static Builder builder(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store) {
		return new Builder(format, hasher, store);
	}

	/**
	 * Verifies a presented key. Never throws for bad input, including {@code null}.
	 * @throws ApiKeyStoreException if the store cannot be read
	 */
	public ApiKeyVerification verify(String presented) {
		ApiKeyParseResult parsed = this.format.parse(presented);
		if (!parsed.isParsed()) {
			return ApiKeyVerification.rejected(parsed.failure(), null);
		}
		String keyId = parsed.key().keyId();
		ApiKeyRecord record = load(keyId);
		if (record == null) {
			return ApiKeyVerification.rejected(ApiKeyOutcome.UNKNOWN, keyId);
		}
		// the secret is proven before any status is revealed
		if (!this.hasher.matches(presented, record.hash())) {
			return ApiKeyVerification.rejected(ApiKeyOutcome.WRONG_SECRET, keyId);
		}
		Instant now = this.clock.instant();
		ApiKeyOutcome status = record.statusAt(now);
		if (status != ApiKeyOutcome.VALID) {
			return ApiKeyVerification.rejected(status, keyId);
		}
		if (this.lastUsedRecorder != null) {
			this.lastUsedRecorder.record(keyId, now);
		}
		return ApiKeyVerification.valid(record);
	}

	/** Drops a key from this node's cache, so its next verification reads the store. */
	public void invalidate(String keyId) {
		if (this.cache != null) {
			this.cache.invalidate(keyId);
		}
	}

	/** Drops every cached key on this node. */
	public void invalidateAll() {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
	}

	/** The number of keys cached on this node right now (for a gauge). */
	public long cachedKeyCount() {
		if (this.cache == null) {
			return 0;
		}
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	private ApiKeyRecord load(String keyId) {
		if (this.cache == null) {
			return this.store.findById(keyId).orElse(null);
		}
		return this.cache.get(keyId, (id) -> this.store.findById(id).orElse(null));
	}

	@Override
	public String toString() {
		return "ApiKeyVerifier[" + this.format + ", store=" + this.store + "]";
	}

	/** Builds an {@link ApiKeyVerifier}. */
	public static final class Builder {

		private final ApiKeyFormat format;

		private final ApiKeyHasher hasher;

		private final ApiKeyStore store;

		private Clock clock = Clock.systemUTC();

		private Duration cacheTtl = DEFAULT_CACHE_TTL;

		private long cacheMaximumSize = DEFAULT_CACHE_MAXIMUM_SIZE;

		private LongSupplier cacheTicker;

		private LastUsedRecorder lastUsedRecorder;

		private Builder(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store) {
			this.format = Objects.requireNonNull(format, "format");
			this.hasher = Objects.requireNonNull(hasher, "hasher");
			this.store = Objects.requireNonNull(store, "store");
		}

		/** The clock for expiry, revocation and grace checks (default: system UTC). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * How long a key record is cached (default 30 s): the longest a revocation made on another
		 * node can take to reach this one. {@link Duration#ZERO} disables the cache.
		 */
		public Builder cacheTtl(Duration cacheTtl) {
			if (cacheTtl == null || cacheTtl.isNegative()) {
				throw new IllegalArgumentException("cache TTL must be zero or positive");
			}
			this.cacheTtl = cacheTtl;
			return this;
		}

		/** The most keys kept in the cache (default 10,000). */
		public Builder cacheMaximumSize(long cacheMaximumSize) {
			if (cacheMaximumSize < 1) {
				throw new IllegalArgumentException("cache maximum size must be positive");
			}
			this.cacheMaximumSize = cacheMaximumSize;
			return this;
		}

		/** The nanosecond time source for cache expiry (default {@link System#nanoTime()}); for tests. */
		public Builder cacheTicker(LongSupplier nanoTime) {
			this.cacheTicker = Objects.requireNonNull(nanoTime, "nanoTime");
			return this;
		}

		/** Where successful uses are recorded (default: not recorded). */
		public Builder lastUsedRecorder(LastUsedRecorder lastUsedRecorder) {
			this.lastUsedRecorder = Objects.requireNonNull(lastUsedRecorder, "lastUsedRecorder");
			return this;
		}

		/** The verifier. */
		public ApiKeyVerifier build() {
			return new ApiKeyVerifier(this);
		}

	}

}
