package dev.palisade.security.autoconfigure.redis;

import java.util.List;

import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import io.lettuce.core.RedisURI;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * Spring Boot's {@link DataRedisConnectionDetails} as a Lettuce {@link RedisURI}; a class of its
 * own so that Boot's Redis module is loaded only when it is on the class path.
 */
final class BootRedisConnection {

	private BootRedisConnection() {
	}

	/** The URI of Boot's Redis connection, or {@code null} when the application has none. */
	static RedisURI uri(ListableBeanFactory beans, String property) {
		DataRedisConnectionDetails details = beans.getBeanProvider(DataRedisConnectionDetails.class).getIfUnique();
		if (details == null) {
			return null;
		}
		if (details.getCluster() != null || details.getMasterReplica() != null) {
			throw new InvalidPalisadePropertyException(property,
					"it is not set, and Spring Boot's Redis connection (spring.data.redis.*) is a Redis Cluster"
							+ " or a master/replica set, which Palisade's Redis clients do not support",
					"Set " + property + " to a single node or a Sentinel-managed primary, for example"
							+ " redis-sentinel://host:26379#mymaster.",
					null);
		}
		RedisURI.Builder builder;
		String username = details.getUsername();
		String password = details.getPassword();
		DataRedisConnectionDetails.Sentinel sentinel = details.getSentinel();
		if (sentinel != null) {
			List<DataRedisConnectionDetails.Node> nodes = sentinel.getNodes();
			builder = RedisURI.Builder.sentinel(nodes.get(0).host(), nodes.get(0).port(), sentinel.getMaster());
			for (DataRedisConnectionDetails.Node node : nodes.subList(1, nodes.size())) {
				builder.withSentinel(node.host(), node.port());
			}
			builder.withDatabase(sentinel.getDatabase());
		}
		else {
			DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
			builder = RedisURI.Builder.redis(standalone.getHost(), standalone.getPort())
				.withDatabase(standalone.getDatabase());
		}
		if (password != null) {
			if (username != null) {
				builder.withAuthentication(username, password.toCharArray());
			}
			else {
				builder.withPassword(password.toCharArray());
			}
		}
		if (details.getSslBundle() != null) {
			// TLS with the JVM's trust store: an SSL bundle's own trust material is not passed on
			builder.withSsl(true);
		}
		return builder.build();
	}
}
