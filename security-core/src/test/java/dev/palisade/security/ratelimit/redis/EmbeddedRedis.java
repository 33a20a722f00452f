package dev.palisade.security.ratelimit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import redis.embedded.RedisServer;

/** A real Redis server binary on a free local port, plus clients configured as production should be. */
final class EmbeddedRedis implements AutoCloseable {

	private final int port;

	private final RedisServer server;

	private final ClientResources resources = ClientResources.builder()
		.reconnectDelay(Delay.constant(Duration.ofMillis(50)))
		.build();

	EmbeddedRedis() {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.server = RedisServer.newRedisServer().port(this.port).bind("127.0.0.1").setting("save \"\"")
				.setting("appendonly no").build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void stop() throws IOException {
		this.server.stop();
	}

	void start() throws IOException {
		this.server.start();
	}

	/** A new client (its own connections), with the options the backend recommends. */
	RedisClient newClient(Duration commandTimeout) {
		RedisClient client = RedisClient.create(this.resources, RedisURI.create("127.0.0.1", this.port));
		client.setOptions(RedisRateLimitBackend.recommendedClientOptions(commandTimeout));
		return client;
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() throws IOException {
		this.server.stop();
		this.resources.shutdown();
	}
}
