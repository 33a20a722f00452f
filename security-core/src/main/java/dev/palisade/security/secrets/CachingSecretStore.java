package dev.palisade.security.secrets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Caches the latest version of each secret for {@code ttl} (Caffeine). When the backend is
 * {@linkplain SecretStoreUnavailableException unavailable}, a cached value up to {@code ttl + maxStale}
 * old is served instead of failing; older than that, the read fails. Writes and deletes always go to
 * the backend (and fail with it, so nothing is lost or buffered), then drop the cached entry.
 */
public final class CachingSecretStore implements SecretStore {

	private final SecretStore delegate;

	private final long ttlNanos;

	private final long staleNanos;

	private final Ticker ticker;

	private final Cache<SecretPath, Cached> cache;

	private final LongAdder staleReads = new LongAdder();

	public CachingSecretStore(SecretStore delegate, Duration ttl, Duration maxStale, long maximumSize, Ticker ticker) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.ttlNanos = ttl.toNanos();
		this.staleNanos = maxStale.toNanos();
		this.ticker = Objects.requireNonNull(ticker, "ticker");
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(ttl.plus(maxStale))
			.maximumSize(maximumSize)
			.ticker(ticker)
			.build();
	}

	public CachingSecretStore(SecretStore delegate, Duration ttl, Duration maxStale) {
		this(delegate, ttl, maxStale, 10_000, Ticker.systemTicker());
	}

	@Override
	public Optional<Secret> get(SecretPath path) {
		Cached cached = this.cache.getIfPresent(path);
		long now = this.ticker.read();
		if (cached != null && now - cached.loadedAt < this.ttlNanos) {
			return cached.secret;
		}
		try {
			Optional<Secret> secret = this.delegate.get(path);
			this.cache.put(path, new Cached(secret, now));
			return secret;
		}
		catch (SecretStoreUnavailableException ex) {
			if (cached != null && now - cached.loadedAt < this.ttlNanos + this.staleNanos) {
				this.staleReads.increment();
				return cached.secret;
			}
			throw ex;
		}
	}

	@Override
	public Optional<Secret> get(SecretPath path, long version) {
		return this.delegate.get(path, version);
	}

	@Override
	public Optional<SecretMetadata> metadata(SecretPath path) {
		return this.delegate.metadata(path);
	}

	@Override
	public SecretVersion put(SecretPath path, Map<String, String> data, Map<String, String> customMetadata,
			long expectedVersion) {
		try {
			return this.delegate.put(path, data, customMetadata, expectedVersion);
		}
		finally {
			this.cache.invalidate(path);
		}
	}

	@Override
	public boolean delete(SecretPath path) {
		try {
			return this.delegate.delete(path);
		}
		finally {
			this.cache.invalidate(path);
		}
	}

	@Override
	public List<String> list(String prefix) {
		return this.delegate.list(prefix);
	}

	/** How many reads were answered from a stale entry because the backend was unavailable. */
	public long staleReads() {
		return this.staleReads.sum();
	}

	/** The backend. */
	public SecretStore delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "CachingSecretStore[" + this.delegate + "]";
	}

	private record Cached(Optional<Secret> secret, long loadedAt) {
	}

}
