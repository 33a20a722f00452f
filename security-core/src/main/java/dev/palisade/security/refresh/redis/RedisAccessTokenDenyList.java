package dev.palisade.security.refresh.redis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.DenyListFullException;
import dev.palisade.security.refresh.LocalAccessTokenDenyList;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * An {@link AccessTokenDenyList} shared by every node through Redis. A revocation is written as a
 * key that expires with its token ({@code SET <prefix>jti:<id> PX <ms until exp>}) and published on
 * a channel; every node keeps a local mirror, filled from the channel as revocations happen and
 * from a {@code SCAN} of the keys at start and every {@code resyncInterval} (so a message lost while
 * a node was disconnected is picked up within that interval). {@link #isDenied} reads only the
 * mirror: a verification never waits for Redis.
 * <p>
 * Failure: when Redis cannot take a revocation, the revoking node still denies the token itself and
 * {@link #deny} throws {@link RefreshTokenStoreException} (503 for the revoker, who may retry), so
 * nobody is told a revocation reached every node when it did not. The bound of live entries is
 * counted over every node's revocations. Lettuce reconnects by itself; the next resync catches up.
 */
public final class RedisAccessTokenDenyList implements AccessTokenDenyList, AutoCloseable {

	/** Default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "palisade:deny:";

	private final Clock clock;

	private final long maximumSize;

	private final String keyPrefix;

	private final String channel;

	private final LocalAccessTokenDenyList mirror;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final StatefulRedisPubSubConnection<String, String> pubSub;

	private final ScheduledExecutorService resync;

	private final AtomicLong resyncFailures = new AtomicLong();

	private RedisAccessTokenDenyList(RedisClient client, String keyPrefix, Clock clock, long maximumSize,
			Duration resyncInterval) {
		this.client = client;
		this.clock = Objects.requireNonNull(clock, "clock");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
		this.channel = keyPrefix + "events";
		if (maximumSize < 1) {
			throw new IllegalArgumentException("maximumSize must be positive");
		}
		this.maximumSize = maximumSize;
		// the mirror holds every node's revocations; the bound is enforced here, in deny()
		this.mirror = new LocalAccessTokenDenyList(clock, Long.MAX_VALUE);
		this.connection = client.connect();
		this.pubSub = client.connectPubSub();
		this.pubSub.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				onMessage(message);
			}
		});
		this.pubSub.sync().subscribe(this.channel);
		resyncNow();
		this.resync = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "palisade-deny-list-resync");
			thread.setDaemon(true);
			return thread;
		});
		long every = resyncInterval.toMillis();
		this.resync.scheduleWithFixedDelay(this::resyncQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Connects to the server at {@code uri} (the URI may hold a password; it is never logged) and
	 * loads the revocations already there.
	 * @param resyncInterval how often the mirror is reconciled with the keys in Redis
	 * @throws RefreshTokenStoreException when Redis cannot be reached
	 */
	public static RedisAccessTokenDenyList connect(URI uri, String keyPrefix, Clock clock, long maximumSize,
			Duration resyncInterval) {
		return connect(RedisURI.create(Objects.requireNonNull(uri, "uri")), keyPrefix, clock, maximumSize,
				resyncInterval);
	}

	/**
	 * Connects to the server at {@code uri} (the URI may hold a password; it is never logged) and
	 * loads the revocations already there.
	 * @param resyncInterval how often the mirror is reconciled with the keys in Redis
	 * @throws RefreshTokenStoreException when Redis cannot be reached
	 */
	public static RedisAccessTokenDenyList connect(RedisURI uri, String keyPrefix, Clock clock, long maximumSize,
			Duration resyncInterval) {
		RedisClient client = RedisClient.create(Objects.requireNonNull(uri, "uri"));
		try {
			return new RedisAccessTokenDenyList(client, keyPrefix, clock, maximumSize, resyncInterval);
		}
		catch (RedisException ex) {
			client.shutdown();
			throw new RefreshTokenStoreException("Redis deny list unavailable: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public void deny(String jti, Instant expiresAt) {
		Objects.requireNonNull(jti, "jti");
		Objects.requireNonNull(expiresAt, "expiresAt");
		long ttl = expiresAt.toEpochMilli() - this.clock.millis();
		if (ttl <= 0) {
			return;
		}
		if (!this.mirror.isDenied(jti) && this.mirror.size() >= this.maximumSize) {
			throw new DenyListFullException(this.maximumSize);
		}
		// this node refuses the token at once, whatever happens to the write below
		this.mirror.deny(jti, expiresAt);
		try {
			RedisCommands<String, String> commands = this.connection.sync();
			commands.set(this.keyPrefix + "jti:" + jti, Long.toString(expiresAt.toEpochMilli()), SetArgs.Builder.px(ttl));
			commands.publish(this.channel, expiresAt.toEpochMilli() + " " + jti);
		}
		catch (RedisException ex) {
			throw new RefreshTokenStoreException(
					"the revocation holds on this node only; Redis is unavailable: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public boolean isDenied(String jti) {
		return this.mirror.isDenied(jti);
	}

	@Override
	public long size() {
		return this.mirror.size();
	}

	/** Resyncs that failed (Redis unreachable) since start; the mirror keeps what it had. */
	public long resyncFailures() {
		return this.resyncFailures.get();
	}

	/** Reconciles the mirror with the revocation keys in Redis now. */
	public void resyncNow() {
		RedisCommands<String, String> commands = this.connection.sync();
		ScanArgs match = ScanArgs.Builder.matches(this.keyPrefix + "jti:*").limit(1000);
		KeyScanCursor<String> cursor = commands.scan(match);
		while (true) {
			for (String key : cursor.getKeys()) {
				String exp = commands.get(key);
				if (exp != null) {
					mirrorEntry(key.substring(this.keyPrefix.length() + "jti:".length()), exp);
				}
			}
			if (cursor.isFinished()) {
				return;
			}
			cursor = commands.scan(ScanCursor.of(cursor.getCursor()), match);
		}
	}

	private void resyncQuietly() {
		try {
			resyncNow();
		}
		catch (RuntimeException ex) {
			this.resyncFailures.incrementAndGet();
		}
	}

	private void onMessage(String message) {
		int space = message.indexOf(' ');
		if (space > 0) {
			mirrorEntry(message.substring(space + 1), message.substring(0, space));
		}
	}

	private void mirrorEntry(String jti, String expiresAtMillis) {
		try {
			this.mirror.deny(jti, Instant.ofEpochMilli(Long.parseLong(expiresAtMillis)));
		}
		catch (NumberFormatException ex) {
			// not written by Palisade: ignored
		}
	}

	@Override
	public void close() {
		this.resync.shutdownNow();
		this.pubSub.close();
		this.connection.close();
		this.client.shutdown();
	}

	@Override
	public String toString() {
		return "RedisAccessTokenDenyList[size=" + this.mirror.size() + "]";
	}
}
