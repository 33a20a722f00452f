package dev.palisade.benchmarks.ratelimit;

import java.time.Duration;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Warmup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.palisade.security.net.IpAddresses;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.BucketKey;
import dev.palisade.security.ratelimit.KeyStrategy;
import dev.palisade.security.ratelimit.LimitAlgorithm;
import dev.palisade.security.ratelimit.LocalRateLimitBackend;
import dev.palisade.security.ratelimit.PolicyRateLimiter;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitPolicy;
import dev.palisade.security.ratelimit.RateLimitRequest;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Issue 6: a local Palisade decision (policy match by path, key by subject, Caffeine lookup,
 * bucket4j consume, decision with header values) against raw bucket4j
 * {@code tryConsumeAndReturnRemaining(1)} on the same bandwidth. The capacity is huge so
 * neither ever runs dry. Target: palisadeDecision <= 1.3 x rawBucket4j.
 * <p>
 * {@code floorLookupAndBucket4j} is the least any limiter on the issue's own parts can do per
 * decision: find the caller's bucket in a size-bounded Caffeine map, then the same bucket4j call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalRateLimitBenchmark {

	private static final long CAPACITY = 1_000_000_000_000L;

	private static final Duration PERIOD = Duration.ofHours(1);

	private Bucket rawBucket;

	private PolicyRateLimiter limiter;

	private RateLimitRequest request;

	private Cache<BucketKey, Bucket> bounded;

	private String subject;

	@Setup
	public void setUp() {
		this.rawBucket = Bucket.builder()
			.addLimit(limit -> limit.capacity(CAPACITY).refillGreedy(CAPACITY, PERIOD))
			.build();
		this.limiter = PolicyRateLimiter.builder(new LocalRateLimitBackend())
			.policy(RateLimitPolicy.builder("api")
				.paths("/api/**")
				.keyBy(KeyStrategy.SUBJECT)
				.limit(CAPACITY, PERIOD, LimitAlgorithm.TOKEN_BUCKET_GREEDY)
				.build())
			.build();
		PalisadePrincipal principal = new PalisadePrincipal("user-42", PrincipalKind.USER, "acme", null, Set.of(),
				Set.of());
		this.bounded = Caffeine.newBuilder().maximumSize(LocalRateLimitBackend.DEFAULT_MAXIMUM_KEYS).build();
		this.bounded.put(new BucketKey("api", KeyStrategy.SUBJECT, principal.subject()), Bucket.builder()
			.addLimit(limit -> limit.capacity(CAPACITY).refillGreedy(CAPACITY, PERIOD))
			.build());
		this.subject = principal.subject();
		this.request = new RateLimitRequest("/api/agents/7", "GET", principal, null, IpAddresses.parse("198.51.100.7"));
	}

	@Benchmark
	public RateLimitDecision palisadeDecision() {
		return this.limiter.check(this.request);
	}

	@Benchmark
	public ConsumptionProbe floorLookupAndBucket4j() {
		return this.bounded.getIfPresent(new BucketKey("api", KeyStrategy.SUBJECT, this.subject))
			.tryConsumeAndReturnRemaining(1);
	}

	@Benchmark
	public ConsumptionProbe rawBucket4j() {
		return this.rawBucket.tryConsumeAndReturnRemaining(1);
	}
}
