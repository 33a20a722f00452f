package dev.palisade.benchmarks.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.palisade.security.net.IpAddresses;
import dev.palisade.security.ratelimit.FailureMode;
import dev.palisade.security.ratelimit.LimitAlgorithm;
import dev.palisade.security.ratelimit.PolicyRateLimiter;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitPolicy;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.redis.RedisRateLimitBackend;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import redis.embedded.RedisServer;

/**
 * Issue 6: Redis-backed decisions per second with 1 and 16 concurrent callers against an
 * embedded Redis on localhost (one token bucket, one key: the most contended case). Fails
 * closed, so a timed-out decision is never counted as a cheap success; the fallback count is
 * printed at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisRateLimitBenchmark {

	private RedisServer server;

	private RedisClient client;

	private RedisRateLimitBackend backend;

	private PolicyRateLimiter limiter;

	private RateLimitRequest request;

	@Setup
	public void setUp() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
		this.server.start();
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		this.client.setOptions(RedisRateLimitBackend.recommendedClientOptions(Duration.ofSeconds(1)));
		this.backend = RedisRateLimitBackend.builder(this.client).timeBudget(Duration.ofSeconds(1)).build();
		this.limiter = PolicyRateLimiter.builder(this.backend)
			.policy(RateLimitPolicy.builder("api")
				.limit(1_000_000_000_000L, Duration.ofHours(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
				.build())
			.failureMode(FailureMode.FAIL_CLOSED)
			.build();
		this.request = new RateLimitRequest("/api/agents", "GET", null, null, IpAddresses.parse("198.51.100.7"));
	}

	@TearDown
	public void tearDown() throws IOException {
		System.out.println("fallback decisions: " + this.limiter.fallbackCount());
		this.backend.close();
		this.client.shutdown();
		this.server.stop();
	}

	@Benchmark
	@Threads(1)
	public RateLimitDecision redisDecision1Caller() {
		return this.limiter.check(this.request);
	}

	@Benchmark
	@Threads(16)
	public RateLimitDecision redisDecision16Callers() {
		return this.limiter.check(this.request);
	}
}
