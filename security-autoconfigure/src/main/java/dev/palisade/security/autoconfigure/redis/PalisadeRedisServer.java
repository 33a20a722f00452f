package dev.palisade.security.autoconfigure.redis;

import io.lettuce.core.RedisURI;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Which Redis server a Palisade feature talks to: its own {@code palisade.*.redis.uri} when set
 * (an override), else Spring Boot's Redis connection ({@code spring.data.redis.*}, or the
 * connection details a Testcontainers {@code @ServiceConnection} registers), else
 * {@code redis://localhost:6379}. Palisade still opens its own Lettuce connections to that server:
 * the bucket4j backend and the refresh-token scripts need a raw Lettuce connection with their own
 * timeouts, which Spring Data's connection factory does not hand out.
 */
public final class PalisadeRedisServer {

	/** The server when neither Palisade nor Spring Boot names one. */
	public static final String DEFAULT_URI = "redis://localhost:6379";

	private static final boolean BOOT_REDIS_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails",
			PalisadeRedisServer.class.getClassLoader());

	private PalisadeRedisServer() {
	}

	/**
	 * The server for one feature.
	 * @param configuredUri the feature's own URI property value, or {@code null} when unset
	 * @param property that property's name, for error messages
	 * @param beans where Spring Boot's Redis connection details are looked up
	 * @throws dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException when Boot's
	 * connection is a cluster or master/replica set, which Palisade's clients do not support
	 */
	public static RedisURI resolve(String configuredUri, String property, ListableBeanFactory beans) {
		if (StringUtils.hasText(configuredUri)) {
			return RedisURI.create(configuredUri);
		}
		if (BOOT_REDIS_PRESENT) {
			RedisURI fromBoot = BootRedisConnection.uri(beans, property);
			if (fromBoot != null) {
				return fromBoot;
			}
		}
		return RedisURI.create(DEFAULT_URI);
	}
}
