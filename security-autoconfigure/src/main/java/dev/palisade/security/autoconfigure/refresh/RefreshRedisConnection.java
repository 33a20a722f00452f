package dev.palisade.security.autoconfigure.refresh;

import java.net.URI;
import java.util.Objects;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The Redis connection the refresh-token store uses, owned by Palisade: opened from
 * {@code palisade.refresh.redis.uri}, closed with the application context.
 */
public final class RefreshRedisConnection implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	/** Connects to the server at {@code uri}; the URI (it may hold a password) is never logged. */
	public RefreshRedisConnection(URI uri) {
		this.client = RedisClient.create(RedisURI.create(Objects.requireNonNull(uri, "uri")));
		try {
			this.connection = this.client.connect();
		}
		catch (RuntimeException ex) {
			this.client.shutdown();
			throw ex;
		}
	}

	/** The shared connection (thread-safe). */
	public StatefulRedisConnection<String, String> connection() {
		return this.connection;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

	@Override
	public String toString() {
		return "RefreshRedisConnection";
	}
}
