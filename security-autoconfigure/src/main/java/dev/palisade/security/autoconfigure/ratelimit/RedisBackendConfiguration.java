package dev.palisade.security.autoconfigure.ratelimit;

import java.time.Duration;

import dev.palisade.security.autoconfigure.redis.PalisadeRedisServer;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.redis.RedisRateLimitBackend;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis backend ({@code palisade.rate-limit.backend=redis}): a Lettuce client with
 * {@link RedisRateLimitBackend#recommendedClientOptions(Duration) the options} that keep every decision
 * within the time budget, shut down with the context. The connection opens in the background
 * ({@link ReconnectingRedisBackend}), so start-up does not wait for an unreachable or silent Redis and
 * no request waits for a connection attempt; an attempt's TCP connect and handshake (TLS, AUTH,
 * HELLO) are bounded by {@link #connectTimeout the connect timeout}, the time budget but at least
 * {@value #MIN_CONNECT_SECONDS} s, because the handshake is several round trips. The server is the
 * {@code palisadeRateLimitRedisUri} bean, from {@code palisade.rate-limit.redis.uri} when set, else
 * from Spring Boot's Redis connection ({@link PalisadeRedisServer}), unless the application defines
 * it; an application's own {@code palisadeRateLimitRedisClient} bean supplies options and
 * resources, not the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class })
@ConditionalOnProperty(name = "palisade.rate-limit.backend", havingValue = "redis")
class RedisBackendConfiguration {

	/** The pause after a failed attempt to open the first connection before the next one. */
	static final Duration CONNECT_RETRY = Duration.ofSeconds(1);

	/**
	 * Added to the two timeouts Lettuce bounds an attempt by (TCP connect, then handshake) before the
	 * attempt counts as failed anyway; only a step Lettuce does not bound (name resolution) reaches it.
	 */
	static final Duration ATTEMPT_SLACK = Duration.ofSeconds(1);

	static final long MIN_CONNECT_SECONDS = 2;

	@Bean
	@ConditionalOnMissingBean(name = "palisadeRateLimitRedisUri")
	RedisURI palisadeRateLimitRedisUri(PalisadeRateLimitProperties properties, ListableBeanFactory beans) {
		RedisURI uri = PalisadeRedisServer.resolve(properties.redis().uri(), "palisade.rate-limit.redis.uri", beans);
		// bounds the handshake; Lettuce's default of 60 s would let a Redis that accepts TCP
		// connections but never answers hold an attempt for a minute (commands are bounded by the
		// time budget through the client's timeout options, not by this)
		uri.setTimeout(connectTimeout(properties));
		return uri;
	}

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "palisadeRateLimitRedisClient")
	RedisClient palisadeRateLimitRedisClient(PalisadeRateLimitProperties properties,
			@Qualifier("palisadeRateLimitRedisUri") RedisURI uri) {
		RedisClient client = RedisClient.create(uri);
		ClientOptions options = RedisRateLimitBackend.recommendedClientOptions(properties.timeBudget())
			.mutate()
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout(properties)).build())
			.build();
		client.setOptions(options);
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitBackend palisadeRateLimitBackend(PalisadeRateLimitProperties properties, RedisClient client,
			@Qualifier("palisadeRateLimitRedisUri") RedisURI uri) {
		RedisRateLimitBackend.Builder builder = RedisRateLimitBackend.builder(client)
			.timeBudget(properties.timeBudget())
			.keyPrefix(properties.redis().keyPrefix());
		Duration attemptTimeout = connectTimeout(properties).multipliedBy(2).plus(ATTEMPT_SLACK);
		return new ReconnectingRedisBackend(() -> builder.buildAsync(uri), attemptTimeout, CONNECT_RETRY);
	}

	/** How long one connection attempt may take per step: the time budget, at least {@value #MIN_CONNECT_SECONDS} s. */
	static Duration connectTimeout(PalisadeRateLimitProperties properties) {
		Duration floor = Duration.ofSeconds(MIN_CONNECT_SECONDS);
		return (properties.timeBudget().compareTo(floor) > 0) ? properties.timeBudget() : floor;
	}
}
