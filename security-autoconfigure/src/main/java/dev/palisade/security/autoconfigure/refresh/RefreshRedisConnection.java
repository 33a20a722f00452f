package dev.palisade.security.autoconfigure.refresh;

import java.net.URI;
import java.util.Objects;

import dev.palisade.security.autoconfigure.redis.PalisadeRedisServer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The Redis connection the refresh-token store uses, owned by Palisade: opened from
 * {@code palisade.refresh.redis.uri} (or Spring Boot's Redis connection), closed with the application context.
 */
public final class RefreshRedisConnection implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	/** Connects to the server at {@code uri}; the URI (it may hold a password) is never logged. */
	public RefreshRedisConnection(RedisURI uri) {
		this.client = RedisClient.create(Objects.requireNonNull(uri, "uri"));
		try {
			this.connection = this.client.connect();
		}
		catch (RuntimeException ex) {
			this.client.shutdown();
			throw ex;
		}
	}

	/** The refresh store's and deny list's server: {@code palisade.refresh.redis.uri}, else Boot's Redis connection. */
	static RedisURI server(PalisadeRefreshProperties properties, ListableBeanFactory beans) {
		URI uri = properties.redis().uri();
		return PalisadeRedisServer.resolve((uri != null) ? uri.toString() : null, "palisade.refresh.redis.uri", beans);
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
