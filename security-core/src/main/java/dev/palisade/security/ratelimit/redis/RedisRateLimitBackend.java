package dev.palisade.security.ratelimit.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.palisade.security.ratelimit.Bucket4jLimits;
import dev.palisade.security.ratelimit.BucketKey;
import dev.palisade.security.ratelimit.ClockTimeMeter;
import dev.palisade.security.ratelimit.LimitDefinition;
import dev.palisade.security.ratelimit.LimitOutcome;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.RateLimitBackendException;
import dev.palisade.security.ratelimit.SlidingWindowMath;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Buckets in Redis, shared by every instance that uses the same server and key prefix, so
 * several instances enforce one budget together. Token and leaky buckets are bucket4j buckets
 * (Lettuce, compare-and-swap); sliding windows are a Lua script. Every decision is bounded by
 * the time budget (50 ms by default): if Redis does not answer in time, {@link #tryConsume}
 * throws {@link RateLimitBackendException} and the limiter applies its failure mode.
 * <p>
 * For a bounded wait even while Redis is unreachable, build the {@link RedisClient} with
 * {@link #recommendedClientOptions(Duration)}: commands are rejected at once while
 * disconnected (instead of queueing and consuming stale permits after reconnecting) and time
 * out on the server side of the budget too. Opening the connection is bounded separately, by
 * the {@link RedisURI#getTimeout() RedisURI timeout} (Lettuce's default is 60 s) and the socket
 * connect timeout: {@link Builder#buildAsync(RedisURI)} connects without blocking its caller, so
 * a service can start and answer by its failure mode while Redis is unreachable or silent.
 * Bucket keys hold a hash of the caller identity, not the identity itself.
 */
public final class RedisRateLimitBackend implements RateLimitBackend, AutoCloseable {

	/** The default time budget per decision. */
	public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(50);

	/** The default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "palisade:rl:";

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private final RedisAsyncCommands<byte[], byte[]> commands;

	private final AsyncProxyManager<byte[]> buckets;

	private final Map<LimitDefinition, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private final Clock clock;

	private final long budgetNanos;

	private final String keyPrefix;

	private final String scriptSha;

	private RedisRateLimitBackend(Clock clock, Duration timeBudget, String keyPrefix,
			StatefulRedisConnection<byte[], byte[]> connection) {
		this.clock = clock;
		this.budgetNanos = timeBudget.toNanos();
		this.keyPrefix = keyPrefix;
		this.connection = connection;
		this.commands = this.connection.async();
		this.scriptSha = this.commands.digest(SlidingWindowScript.SOURCE);
		TimeMeter timeMeter = new ClockTimeMeter(clock);
		this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
			.clientClock(timeMeter)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
			.build()
			.asAsync();
	}

	/**
	 * Starts a backend on {@code client}; {@link Builder#build()} or
	 * {@link Builder#buildAsync(RedisURI)} opens one connection.
	 * @param client a Lettuce client, ideally with {@link #recommendedClientOptions(Duration)}
	 */
	public static Builder builder(RedisClient client) {
		return new Builder(client);
	}

	/**
	 * Client options that keep a decision within {@code commandTimeout} while Redis is slow or
	 * unreachable: reconnect in the background, reject commands while disconnected, time out
	 * commands after {@code commandTimeout}.
	 */
	public static ClientOptions recommendedClientOptions(Duration commandTimeout) {
		return ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(commandTimeout))
			.build();
	}

	@Override
	@SuppressWarnings("unchecked")
	public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
		long deadline = System.nanoTime() + this.budgetNanos;
		String base = baseKey(key);
		int n = limits.size();
		CompletableFuture<LimitOutcome>[] futures = new CompletableFuture[n];
		AsyncBucketProxy[] proxies = new AsyncBucketProxy[n];
		byte[][] keys = new byte[n][];
		try {
			for (int i = 0; i < n; i++) {
				LimitDefinition limit = limits.get(i);
				keys[i] = (base + fingerprint(limit)).getBytes(StandardCharsets.UTF_8);
				if (Bucket4jLimits.isBucket(limit)) {
					BucketConfiguration configuration = this.configurations.computeIfAbsent(limit,
							Bucket4jLimits::configuration);
					proxies[i] = this.buckets.builder().build(keys[i], configuration);
					futures[i] = proxies[i].tryConsumeAndReturnRemaining(1)
						.thenApply(probe -> Bucket4jLimits.outcome(probe, limit.capacity()));
				}
				else {
					futures[i] = slidingWindow(keys[i], limit, 1);
				}
			}
		}
		catch (RuntimeException ex) {
			throw new RateLimitBackendException("Redis rejected the rate-limit command", ex);
		}
		LimitOutcome[] outcomes = new LimitOutcome[n];
		try {
			CompletableFuture.allOf(futures).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			for (int i = 0; i < n; i++) {
				outcomes[i] = futures[i].join();
			}
		}
		catch (TimeoutException ex) {
			throw new RateLimitBackendException("Redis did not answer within the rate-limit time budget", ex);
		}
		catch (ExecutionException ex) {
			throw new RateLimitBackendException("Redis failed to answer a rate-limit command", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RateLimitBackendException("Interrupted while waiting for Redis", ex);
		}
		refundIfRefused(limits, outcomes, proxies, keys);
		return outcomes;
	}

	private void refundIfRefused(List<LimitDefinition> limits, LimitOutcome[] outcomes, AsyncBucketProxy[] proxies,
			byte[][] keys) {
		boolean refused = false;
		for (LimitOutcome outcome : outcomes) {
			refused |= !outcome.allowed();
		}
		if (!refused) {
			return;
		}
		for (int i = 0; i < outcomes.length; i++) {
			if (outcomes[i].allowed()) {
				// fire and forget: a lost refund only makes the limit stricter
				if (proxies[i] != null) {
					proxies[i].addTokens(1);
				}
				else {
					slidingWindow(keys[i], limits.get(i), -1);
				}
			}
		}
	}

	private CompletableFuture<LimitOutcome> slidingWindow(byte[] key, LimitDefinition limit, int permits) {
		long windowMillis = limit.period().toMillis();
		byte[][] args = { ascii(this.clock.millis()), ascii(windowMillis), ascii(limit.capacity()), ascii(permits) };
		byte[][] keys = { key };
		CompletableFuture<List<Object>> reply = this.commands
			.<List<Object>>evalsha(this.scriptSha, ScriptOutputType.MULTI, keys, args)
			.toCompletableFuture()
			.exceptionallyCompose(ex -> {
				Throwable cause = (ex instanceof java.util.concurrent.CompletionException) ? ex.getCause() : ex;
				if (cause instanceof RedisNoScriptException) {
					// first use, or Redis restarted and lost its script cache
					return this.commands
						.<List<Object>>eval(SlidingWindowScript.SOURCE, ScriptOutputType.MULTI, keys, args)
						.toCompletableFuture();
				}
				return CompletableFuture.failedFuture(cause);
			});
		return reply.thenApply(values -> SlidingWindowMath.outcome(((Long) values.get(0)) == 1L, limit.capacity(),
				windowMillis, (Long) values.get(3), (Long) values.get(1), (Long) values.get(2), 1_000_000L));
	}

	private String baseKey(BucketKey key) {
		return this.keyPrefix + key.policy() + ':' + key.strategy().ordinal() + ':' + hash(key.value()) + ':';
	}

	/** Part of the key, so a changed limit starts fresh instead of inheriting an old bucket. */
	static String fingerprint(LimitDefinition limit) {
		return limit.algorithm().ordinal() + "-" + limit.capacity() + "-" + limit.period().toMillis();
	}

	private static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	private static byte[] ascii(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public String name() {
		return "redis";
	}

	/** Closes this backend's connection (not the client). */
	@Override
	public void close() {
		this.connection.close();
	}

	/**
	 * Closes this backend's connection (not the client) without waiting; safe to call from a
	 * Lettuce I/O thread, where {@link #close()} must not be called.
	 */
	public CompletableFuture<Void> closeAsync() {
		return this.connection.closeAsync();
	}

	@Override
	public String toString() {
		return "RedisRateLimitBackend[prefix=" + this.keyPrefix + ", budget=" + Duration.ofNanos(this.budgetNanos) + "]";
	}

	/** Builds a {@link RedisRateLimitBackend}. */
	public static final class Builder {

		private final RedisClient client;

		private Duration timeBudget = DEFAULT_TIME_BUDGET;

		private Clock clock = Clock.systemUTC();

		private String keyPrefix = DEFAULT_KEY_PREFIX;

		private Builder(RedisClient client) {
			if (client == null) {
				throw new IllegalArgumentException("A Redis rate-limit backend needs a RedisClient");
			}
			this.client = client;
		}

		/** The longest a decision may wait for Redis; 50 ms by default. */
		public Builder timeBudget(Duration timeBudget) {
			if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
				throw new IllegalArgumentException("The rate-limit time budget must be positive");
			}
			this.timeBudget = timeBudget;
			return this;
		}

		/** The clock for refills and windows; must agree across instances (wall clock). */
		public Builder clock(Clock clock) {
			if (clock == null) {
				throw new IllegalArgumentException("clock must not be null");
			}
			this.clock = clock;
			return this;
		}

		/** The prefix of every key; {@value RedisRateLimitBackend#DEFAULT_KEY_PREFIX} by default. */
		public Builder keyPrefix(String keyPrefix) {
			if (keyPrefix == null) {
				throw new IllegalArgumentException("keyPrefix must not be null");
			}
			this.keyPrefix = keyPrefix;
			return this;
		}

		/**
		 * Connects on the calling thread and builds the backend. The caller waits up to the
		 * client's {@link RedisURI#getTimeout() RedisURI timeout} (60 s unless set) for a Redis
		 * that accepts connections but does not answer; prefer {@link #buildAsync(RedisURI)} where
		 * a caller must not wait.
		 * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached now
		 */
		public RedisRateLimitBackend build() {
			return open(this.client.connect(ByteArrayCodec.INSTANCE));
		}

		/**
		 * Connects to {@code uri} without blocking the caller and builds the backend once
		 * connected. The attempt ends within the URI's {@link RedisURI#getTimeout() timeout} (the
		 * handshake) plus the client's socket connect timeout. The returned future may be timed
		 * out or cancelled by the caller: a connection that opens afterwards is closed, not leaked.
		 * @param uri the server; its timeout bounds the connection handshake
		 * @return completes with the backend, or exceptionally (for example with a
		 * {@link io.lettuce.core.RedisConnectionException}) if Redis cannot be reached
		 */
		public CompletableFuture<RedisRateLimitBackend> buildAsync(RedisURI uri) {
			if (uri == null) {
				throw new IllegalArgumentException("uri must not be null");
			}
			Clock clock = this.clock;
			Duration timeBudget = this.timeBudget;
			String keyPrefix = this.keyPrefix;
			CompletableFuture<RedisRateLimitBackend> backend = new CompletableFuture<>();
			this.client.connectAsync(ByteArrayCodec.INSTANCE, uri).whenComplete((connection, failure) -> {
				if (failure != null) {
					backend.completeExceptionally(failure);
					return;
				}
				RedisRateLimitBackend opened;
				try {
					opened = new RedisRateLimitBackend(clock, timeBudget, keyPrefix, connection);
				}
				catch (RuntimeException ex) {
					connection.closeAsync();
					backend.completeExceptionally(ex);
					return;
				}
				if (!backend.complete(opened)) {
					opened.closeAsync(); // the caller gave up on this attempt
				}
			});
			return backend;
		}

		private RedisRateLimitBackend open(StatefulRedisConnection<byte[], byte[]> connection) {
			try {
				return new RedisRateLimitBackend(this.clock, this.timeBudget, this.keyPrefix, connection);
			}
			catch (RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
	}
}
