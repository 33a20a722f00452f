package dev.palisade.security.autoconfigure.ratelimit;

import java.time.Duration;

import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.redis.RedisRateLimitBackend;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis backend ({@code palisade.rate-limit.backend=redis}): a Lettuce client with
 * {@link RedisRateLimitBackend#recommendedClientOptions(Duration) the options} that keep every decision
 * within the time budget, shut down with the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class })
@ConditionalOnProperty(name = "palisade.rate-limit.backend", havingValue = "redis")
class RedisBackendConfiguration {

	/** How often a decision may try to open the first connection while Redis is unreachable. */
	static final Duration CONNECT_RETRY = Duration.ofSeconds(1);

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "palisadeRateLimitRedisClient")
	RedisClient palisadeRateLimitRedisClient(PalisadeRateLimitProperties properties) {
		RedisClient client = RedisClient.create(RedisURI.create(properties.redis().uri()));
		ClientOptions options = RedisRateLimitBackend.recommendedClientOptions(properties.timeBudget())
			.mutate()
			// a connection attempt made on a request thread waits no longer than a decision may
			.socketOptions(SocketOptions.builder().connectTimeout(properties.timeBudget()).build())
			.build();
		client.setOptions(options);
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitBackend palisadeRateLimitBackend(PalisadeRateLimitProperties properties, RedisClient client) {
		return new ReconnectingRedisBackend(() -> RedisRateLimitBackend.builder(client)
			.timeBudget(properties.timeBudget())
			.keyPrefix(properties.redis().keyPrefix())
			.build(), CONNECT_RETRY.toNanos());
	}
}
