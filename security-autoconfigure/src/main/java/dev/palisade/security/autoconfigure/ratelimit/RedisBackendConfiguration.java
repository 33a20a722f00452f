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
 * within the time budget, shut down with the context. Opening the connection is bounded by the
 * budget too (socket connect timeout and {@link RedisURI#getTimeout() RedisURI timeout}) and happens
 * in the background ({@link ReconnectingRedisBackend}), so start-up does not wait for an unreachable
 * or silent Redis. An application's own {@code palisadeRateLimitRedisClient} bean supplies options
 * and resources; the server is always {@code palisade.rate-limit.redis.uri}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class })
@ConditionalOnProperty(name = "palisade.rate-limit.backend", havingValue = "redis")
class RedisBackendConfiguration {

	/** The pause after a failed attempt to open the first connection before the next one. */
	static final Duration CONNECT_RETRY = Duration.ofSeconds(1);

	/**
	 * Added to the two budgets Lettuce bounds an attempt by (TCP connect, then handshake) before the
	 * attempt counts as failed anyway; only a step Lettuce does not bound (name resolution) reaches it.
	 */
	static final Duration ATTEMPT_SLACK = Duration.ofSeconds(1);

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "palisadeRateLimitRedisClient")
	RedisClient palisadeRateLimitRedisClient(PalisadeRateLimitProperties properties) {
		RedisClient client = RedisClient.create(redisUri(properties));
		ClientOptions options = RedisRateLimitBackend.recommendedClientOptions(properties.timeBudget())
			.mutate()
			// a (re)connection waits no longer for TCP than a decision may wait for Redis
			.socketOptions(SocketOptions.builder().connectTimeout(properties.timeBudget()).build())
			.build();
		client.setOptions(options);
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitBackend palisadeRateLimitBackend(PalisadeRateLimitProperties properties, RedisClient client) {
		RedisURI uri = redisUri(properties);
		RedisRateLimitBackend.Builder builder = RedisRateLimitBackend.builder(client)
			.timeBudget(properties.timeBudget())
			.keyPrefix(properties.redis().keyPrefix());
		Duration attemptTimeout = properties.timeBudget().multipliedBy(2).plus(ATTEMPT_SLACK);
		return new ReconnectingRedisBackend(() -> builder.buildAsync(uri), attemptTimeout, CONNECT_RETRY);
	}

	/**
	 * The server, with the time budget as its timeout: Lettuce's default of 60 s would bound the
	 * connection handshake, so a Redis that accepts TCP connections but never answers would hold a
	 * connection attempt for a minute.
	 */
	static RedisURI redisUri(PalisadeRateLimitProperties properties) {
		RedisURI uri = RedisURI.create(properties.redis().uri());
		uri.setTimeout(properties.timeBudget());
		return uri;
	}
}
