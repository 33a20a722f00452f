package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.ProxyHeader;
import dev.palisade.security.net.TrustedProxies;
import dev.palisade.security.principal.PrincipalKind;

import static dev.palisade.security.ratelimit.LimitTesting.anonymous;
import static dev.palisade.security.ratelimit.LimitTesting.apiKey;
import static dev.palisade.security.ratelimit.LimitTesting.as;
import static dev.palisade.security.ratelimit.LimitTesting.user;
import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimiterTest {

	private final MutableClock clock = new MutableClock();

	private PolicyRateLimiter limiter(RateLimitPolicy... policies) {
		return PolicyRateLimiter.builder(LocalRateLimitBackend.builder().clock(this.clock).build())
			.policies(List.of(policies))
			.build();
	}

	private PolicyRateLimiter single(long capacity, Duration period, LimitAlgorithm algorithm) {
		return limiter(RateLimitPolicy.builder("p").limit(capacity, period, algorithm).build());
	}

	private int drain(RateLimiter limiter, RateLimitRequest request, int max) {
		int admitted = 0;
		for (int i = 0; i < max; i++) {
			if (limiter.check(request).allowed()) {
				admitted++;
			}
		}
		return admitted;
	}

	private static final RateLimitRequest REQUEST = anonymous("/api/x", "198.51.100.7");

	@ParameterizedTest
	@EnumSource(LimitAlgorithm.class)
	void concurrentCallersAgainstOneBucketAdmitExactlyTheLimit(LimitAlgorithm algorithm) throws Exception {
		PolicyRateLimiter limiter = single(1000, Duration.ofHours(1), algorithm);
		int admitted = LimitTesting.admittedConcurrently(List.of(limiter), REQUEST, 32, 100);
		assertThat(admitted).isEqualTo(1000);
	}

	@Test
	void greedyTokenBucketRefillsContinuously() {
		PolicyRateLimiter limiter = single(10, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY);
		assertThat(drain(limiter, REQUEST, 10)).isEqualTo(10);
		RateLimitDecision refused = limiter.check(REQUEST);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(99));
		assertThat(limiter.check(REQUEST).allowed()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(limiter.check(REQUEST).allowed()).isTrue();
		assertThat(limiter.check(REQUEST).allowed()).isFalse();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(drain(limiter, REQUEST, 50)).isEqualTo(10);
	}

	@Test
	void intervalTokenBucketRefillsAllAtOnceAtThePeriodEnd() {
		PolicyRateLimiter limiter = single(10, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_INTERVAL);
		assertThat(drain(limiter, REQUEST, 20)).isEqualTo(10);
		this.clock.advance(Duration.ofMillis(999));
		RateLimitDecision refused = limiter.check(REQUEST);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(1));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(drain(limiter, REQUEST, 20)).isEqualTo(10);
	}

	@Test
	void leakyBucketNeverBurstsBeyondCapacityAndDrainsSteadily() {
		PolicyRateLimiter limiter = single(5, Duration.ofSeconds(1), LimitAlgorithm.LEAKY_BUCKET);
		this.clock.advance(Duration.ofDays(1));
		assertThat(drain(limiter, REQUEST, 100)).isEqualTo(5);
		// one request leaks out every 200 ms, never more
		for (int i = 0; i < 20; i++) {
			this.clock.advance(Duration.ofMillis(199));
			assertThat(limiter.check(REQUEST).allowed()).isFalse();
			this.clock.advance(Duration.ofMillis(1));
			assertThat(limiter.check(REQUEST).allowed()).isTrue();
		}
		this.clock.advance(Duration.ofHours(1));
		assertThat(drain(limiter, REQUEST, 100)).isEqualTo(5);
	}

	@Test
	void slidingWindowBlocksTheBoundaryBurstAFixedWindowAllows() {
		// the test clock starts on a whole second, so 1 s windows start at whole seconds
		PolicyRateLimiter limiter = single(10, Duration.ofSeconds(1), LimitAlgorithm.SLIDING_WINDOW);
		this.clock.advance(Duration.ofMillis(900));
		assertThat(drain(limiter, REQUEST, 20)).isEqualTo(10);
		this.clock.advance(Duration.ofMillis(100)); // new fixed window; previous still fully weighted
		RateLimitDecision refused = limiter.check(REQUEST);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
		this.clock.advance(Duration.ofMillis(100)); // previous weighted 0.9 -> 9 estimated, 1 fits
		assertThat(drain(limiter, REQUEST, 20)).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(400)); // 0.5 * 10 + 1 = 6 -> 4 fit
		assertThat(drain(limiter, REQUEST, 20)).isEqualTo(4);
		this.clock.advance(Duration.ofSeconds(2)); // both windows slid out
		assertThat(drain(limiter, REQUEST, 20)).isEqualTo(10);
	}

	@Test
	void slidingWindowReportsRemainingAndReset() {
		PolicyRateLimiter limiter = single(10, Duration.ofSeconds(1), LimitAlgorithm.SLIDING_WINDOW);
		RateLimitDecision first = limiter.check(REQUEST);
		assertThat(first.limit()).isEqualTo(10);
		assertThat(first.remaining()).isEqualTo(9);
		assertThat(first.resetAfter()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void severalLimitsReportTheMostRestrictive() {
		PolicyRateLimiter limiter = limiter(RateLimitPolicy.builder("p")
			.limit(20, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
			.limit(10_000, Duration.ofDays(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
			.build());
		RateLimitDecision first = limiter.check(REQUEST);
		assertThat(first.allowed()).isTrue();
		assertThat(first.limit()).isEqualTo(20);
		assertThat(first.remaining()).isEqualTo(19);
		assertThat(first.policy()).isEqualTo("p");
		assertThat(first.basis()).isEqualTo(RateLimitDecision.Basis.BACKEND);
	}

	@Test
	void refusalByOneLimitGivesBackThePermitsOfTheOthers() {
		PolicyRateLimiter limiter = limiter(RateLimitPolicy.builder("p")
			.limit(3, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_INTERVAL)
			.limit(5, Duration.ofMinutes(1), LimitAlgorithm.SLIDING_WINDOW)
			.build());
		assertThat(drain(limiter, REQUEST, 10)).isEqualTo(3);
		RateLimitDecision perSecond = limiter.check(REQUEST);
		assertThat(perSecond.limit()).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(drain(limiter, REQUEST, 10)).isEqualTo(2); // 5 per minute reached
		RateLimitDecision perMinute = limiter.check(REQUEST);
		assertThat(perMinute.allowed()).isFalse();
		assertThat(perMinute.limit()).isEqualTo(5);
		assertThat(perMinute.retryAfter()).isGreaterThan(Duration.ofSeconds(1));
		// the refused requests did not use up the per-second bucket: after the minute, 3 fit at once
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(drain(limiter, REQUEST, 10)).isEqualTo(3);
	}

	@Test
	void firstMatchingPolicyAppliesAndUnmatchedRequestsAreUnlimited() {
		PolicyRateLimiter limiter = limiter(
				RateLimitPolicy.builder("login").paths("/auth/**").methods("post").limit(LimitDefinition.of(1, Duration.ofMinutes(1))).build(),
				RateLimitPolicy.builder("api").paths("/api/**").limit(LimitDefinition.of(2, Duration.ofMinutes(1))).build());
		RateLimitRequest login = new RateLimitRequest("/auth/token", "POST", null, null, REQUEST.clientIp());
		assertThat(limiter.check(login).policy()).isEqualTo("login");
		assertThat(limiter.check(login).allowed()).isFalse();
		RateLimitRequest loginGet = new RateLimitRequest("/auth/token", "GET", null, null, REQUEST.clientIp());
		assertThat(limiter.check(loginGet)).isEqualTo(RateLimitDecision.unlimited());
		assertThat(limiter.check(loginGet).isLimited()).isFalse();
		assertThat(limiter.check(REQUEST).policy()).isEqualTo("api");
	}

	@Test
	void aGetPolicyCountsHeadRequestsTooSinceTheyRunTheGetHandler() {
		PolicyRateLimiter limiter = limiter(
				RateLimitPolicy.builder("reads").paths("/api/**").methods("GET").limit(LimitDefinition.of(2, Duration.ofMinutes(1))).build());
		RateLimitRequest get = new RateLimitRequest("/api/x", "GET", null, null, REQUEST.clientIp());
		RateLimitRequest head = new RateLimitRequest("/api/x", "HEAD", null, null, REQUEST.clientIp());
		RateLimitRequest post = new RateLimitRequest("/api/x", "POST", null, null, REQUEST.clientIp());
		assertThat(limiter.check(get).allowed()).isTrue();
		assertThat(limiter.check(head).allowed()).isTrue();
		assertThat(limiter.check(head).allowed()).as("one budget for GET and HEAD").isFalse();
		assertThat(limiter.check(post).isLimited()).isFalse();
	}

	@Test
	void callerKindAndPlanSelectThePolicy() {
		PolicyRateLimiter limiter = limiter(
				RateLimitPolicy.builder("keys-pro").callerKinds(PrincipalKind.API_KEY).plans("pro").keyBy(KeyStrategy.API_KEY)
					.limit(LimitDefinition.of(100, Duration.ofSeconds(1))).build(),
				RateLimitPolicy.builder("keys").callerKinds(PrincipalKind.API_KEY).keyBy(KeyStrategy.API_KEY)
					.limit(LimitDefinition.of(10, Duration.ofSeconds(1))).build(),
				RateLimitPolicy.builder("others").limit(LimitDefinition.of(1, Duration.ofSeconds(1))).build());
		RateLimitRequest pro = new RateLimitRequest("/api", "GET", apiKey("k1"), "pro", REQUEST.clientIp());
		RateLimitRequest free = new RateLimitRequest("/api", "GET", apiKey("k1"), "free", REQUEST.clientIp());
		assertThat(limiter.check(pro).limit()).isEqualTo(100);
		assertThat(limiter.check(free).limit()).isEqualTo(10);
		assertThat(limiter.check(as(user("u", null), "/api", "198.51.100.7")).limit()).isEqualTo(1);
		assertThat(limiter.check(REQUEST).policy()).isEqualTo("others");
	}

	@Test
	void subjectKeysGiveEachCallerItsOwnBucketWhateverTheirAddress() {
		PolicyRateLimiter limiter = limiter(
				RateLimitPolicy.builder("p").keyBy(KeyStrategy.SUBJECT).limit(LimitDefinition.of(2, Duration.ofMinutes(1))).build());
		assertThat(drain(limiter, as(user("alice", null), "/", "198.51.100.1"), 5)).isEqualTo(2);
		assertThat(limiter.check(as(user("alice", null), "/", "198.51.100.2")).allowed()).isFalse();
		assertThat(limiter.check(as(user("bob", null), "/", "198.51.100.1")).allowed()).isTrue();
	}

	@Test
	void orgKeysShareOneTenantBudget() {
		PolicyRateLimiter limiter = limiter(
				RateLimitPolicy.builder("p").keyBy(KeyStrategy.ORG).limit(LimitDefinition.of(2, Duration.ofMinutes(1))).build());
		assertThat(limiter.check(as(user("alice", "acme"), "/", "198.51.100.1")).allowed()).isTrue();
		assertThat(limiter.check(as(user("bob", "acme"), "/", "198.51.100.2")).allowed()).isTrue();
		assertThat(limiter.check(as(user("carol", "acme"), "/", "198.51.100.3")).allowed()).isFalse();
		assertThat(limiter.check(as(user("dave", "other"), "/", "198.51.100.3")).allowed()).isTrue();
	}

	@Test
	void leavingTheCredentialOutFallsBackToTheClientIpNotToNoLimit() {
		RateLimitPolicy policy = RateLimitPolicy.builder("p").keyBy(KeyStrategy.API_KEY)
			.limit(LimitDefinition.of(1, Duration.ofMinutes(1))).build();
		assertThat(policy.bucketKey(REQUEST)).isEqualTo(new BucketKey("p", KeyStrategy.CLIENT_IP, "198.51.100.7"));
		assertThat(policy.bucketKey(as(user("198.51.100.7", null), "/", "1.1.1.1")))
			.isEqualTo(new BucketKey("p", KeyStrategy.CLIENT_IP, "1.1.1.1"));
		assertThat(policy.bucketKey(as(apiKey("k"), "/", "1.1.1.1"))).isEqualTo(new BucketKey("p", KeyStrategy.API_KEY, "k"));
		RateLimitPolicy org = RateLimitPolicy.builder("o").keyBy(KeyStrategy.ORG).limit(LimitDefinition.of(1, Duration.ofMinutes(1))).build();
		assertThat(org.bucketKey(as(user("root", null), "/", "1.1.1.1"))).isEqualTo(new BucketKey("o", KeyStrategy.SUBJECT, "root"));
	}

	@Test
	void ipv6ClientsInOneSlash64ShareABucket() {
		PolicyRateLimiter limiter = single(1, Duration.ofMinutes(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY);
		assertThat(limiter.check(anonymous("/", "2001:db8:1:2::1")).allowed()).isTrue();
		assertThat(limiter.check(anonymous("/", "2001:db8:1:2:ffff:ffff:ffff:ffff")).allowed()).isFalse();
		assertThat(limiter.check(anonymous("/", "2001:db8:1:3::1")).allowed()).isTrue();
	}

	@Test
	void spoofedXForwardedForFromAnUntrustedPeerCannotPickAFreshBucket() {
		PolicyRateLimiter limiter = single(1, Duration.ofMinutes(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY);
		ClientIpResolver resolver = new ClientIpResolver(TrustedProxies.of("10.0.0.0/8"), ProxyHeader.X_FORWARDED_FOR);
		RateLimitRequest first = new RateLimitRequest("/", "GET", null, null,
				resolver.resolve("203.0.113.5", List.of(), List.of("1.1.1.1")));
		RateLimitRequest second = new RateLimitRequest("/", "GET", null, null,
				resolver.resolve("203.0.113.5", List.of(), List.of("2.2.2.2")));
		assertThat(limiter.check(first).allowed()).isTrue();
		assertThat(limiter.check(second).allowed()).isFalse();
	}

	@Test
	void theMapOfBucketsIsBounded() {
		LocalRateLimitBackend backend = LocalRateLimitBackend.builder().clock(this.clock).maximumKeys(10).build();
		List<LimitDefinition> limits = List.of(LimitDefinition.of(5, Duration.ofSeconds(10)));
		for (int i = 0; i < 1000; i++) {
			backend.tryConsume(new BucketKey("p", KeyStrategy.CLIENT_IP, "ip" + i), limits);
		}
		backend.cleanUp();
		assertThat(backend.estimatedSize()).isLessThanOrEqualTo(10);
	}
}
