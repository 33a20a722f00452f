package dev.palisade.security.autoconfigure.ratelimit;

import java.time.Duration;

import java.net.InetAddress;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.ratelimit.LocalRateLimitBackend;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.web.PreAuthenticationRateLimitFilter;
import dev.palisade.security.web.RateLimitFilter;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeRateLimitAutoConfiguration.class));

	private static RateLimitRequest request(String path) throws Exception {
		return new RateLimitRequest(path, "GET", null, null, InetAddress.getByName("192.0.2.1"));
	}

	@Test
	void localBackendIsTheDefaultAndNothingIsLimitedWithoutPolicies() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ClientIpResolver.class).hasSingleBean(SignInThrottle.class);
			assertThat(context.getBean(RateLimitBackend.class)).isInstanceOf(LocalRateLimitBackend.class);
			RateLimiter limiter = context.getBean(PalisadeRateLimitAutoConfiguration.LIMITER, RateLimiter.class);
			assertThat(limiter.check(request("/api/x")).isLimited()).isFalse();
		});
	}

	@Test
	void redisBackendIsChosenByPropertyAndStartsWhileRedisIsDown() {
		this.runner
			.withPropertyValues("palisade.rate-limit.backend=redis", "palisade.rate-limit.redis.uri=redis://127.0.0.1:1",
					"palisade.rate-limit.failure-mode=fail-closed",
					"palisade.rate-limit.pre-auth-policies[0].name=ip",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=5",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RateLimitBackend.class)).isInstanceOf(ReconnectingRedisBackend.class);
				RateLimitDecision decision = context
					.getBean(PalisadeRateLimitAutoConfiguration.PRE_AUTHENTICATION_LIMITER, RateLimiter.class)
					.check(request("/auth/token"));
				assertThat(decision.allowed()).isFalse();
				assertThat(decision.basis()).isEqualTo(RateLimitDecision.Basis.FAIL_CLOSED);
			});
	}

	@Test
	void theRedisHandshakeGetsAtLeastTwoSecondsWhileCommandsKeepTheBudget() {
		this.runner.withPropertyValues("palisade.rate-limit.backend=redis", "palisade.rate-limit.redis.uri=redis://127.0.0.1:1")
			.run((context) -> assertThat(context.getBean("palisadeRateLimitRedisUri", RedisURI.class).getTimeout())
				.isEqualTo(Duration.ofSeconds(2)));
		this.runner
			.withPropertyValues("palisade.rate-limit.backend=redis", "palisade.rate-limit.redis.uri=redis://127.0.0.1:1",
					"palisade.rate-limit.time-budget=5s")
			.run((context) -> assertThat(context.getBean("palisadeRateLimitRedisUri", RedisURI.class).getTimeout())
				.isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void theApplicationsOwnRedisUriBeanNamesTheServer() {
		this.runner.withPropertyValues("palisade.rate-limit.backend=redis")
			.withBean("palisadeRateLimitRedisUri", RedisURI.class, () -> RedisURI.create("redis://10.0.0.9:6380"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("palisadeRateLimitRedisUri", RedisURI.class).getPort()).isEqualTo(6380);
				assertThat(context.getBeansOfType(RedisURI.class)).hasSize(1);
			});
	}

	@Test
	void policiesAreBuiltFromProperties() {
		this.runner
			.withPropertyValues("palisade.rate-limit.pre-auth-policies[0].name=token",
					"palisade.rate-limit.pre-auth-policies[0].paths=/auth/token",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=2",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1h",
					"palisade.rate-limit.pre-auth-policies[0].limits[1].capacity=100",
					"palisade.rate-limit.pre-auth-policies[0].limits[1].period=1d",
					"palisade.rate-limit.pre-auth-policies[0].limits[1].algorithm=sliding-window")
			.run((context) -> {
				RateLimiter limiter = context.getBean(PalisadeRateLimitAutoConfiguration.PRE_AUTHENTICATION_LIMITER,
						RateLimiter.class);
				assertThat(limiter.check(request("/other")).isLimited()).isFalse();
				assertThat(limiter.check(request("/auth/token")).allowed()).isTrue();
				assertThat(limiter.check(request("/auth/token")).allowed()).isTrue();
				RateLimitDecision third = limiter.check(request("/auth/token"));
				assertThat(third.allowed()).isFalse();
				assertThat(third.limit()).isEqualTo(2);
			});
	}

	@Test
	void backendBacksOffForTheApplicationsOwn() {
		this.runner.withUserConfiguration(OwnBackend.class)
			.run((context) -> assertThat(context.getBean(RateLimitBackend.class)).isSameAs(OwnBackend.BACKEND));
	}

	@Test
	void disabledMeansNoBeans() {
		this.runner.withPropertyValues("palisade.rate-limit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitBackend.class)
				.doesNotHaveBean(SignInThrottle.class));
	}

	@Test
	void signInThrottleCanBeSwitchedOffAlone() {
		this.runner.withPropertyValues("palisade.rate-limit.sign-in.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SignInThrottle.class)
				.hasSingleBean(RateLimitBackend.class));
	}

	@Test
	void signInUsernameBudgetIsConfigurable() {
		this.runner
			.withPropertyValues("palisade.rate-limit.sign-in.username-budget=1",
					"palisade.rate-limit.sign-in.username-budget-refill=1h",
					"palisade.rate-limit.sign-in.over-budget-delay=5m")
			.run((context) -> {
				SignInThrottle throttle = context.getBean(SignInThrottle.class);
				throttle.attempt("alice", InetAddress.getByName("192.0.2.1")).failed();
				InetAddress second = InetAddress.getByName("192.0.2.2");
				throttle.attempt("alice", second).failed(); // the second failure is over a budget of one
				assertThat(throttle.isOverBudget("alice")).isTrue();
				assertThat(throttle.attempt("alice", second).verdict().retryAfterSeconds()).isEqualTo(300);
				// an address that has not failed is never refused
				assertThat(throttle.attempt("alice", InetAddress.getByName("192.0.2.3")).allowed()).isTrue();
			});
	}

	@Test
	void signInOverBudgetDelayLongerThanTheMemoryFailsAtStartUp() {
		this.runner.withPropertyValues("palisade.rate-limit.sign-in.over-budget-delay=15m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("overBudgetDelay < forgetAfter"));
	}

	@Test
	void preAuthenticationPolicyWithPlansFailsAtStartUp() {
		this.runner
			.withPropertyValues("palisade.rate-limit.pre-auth-policies[0].name=p",
					"palisade.rate-limit.pre-auth-policies[0].plans=free",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=1",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class));
	}

	@Test
	void policyNamesMustBeUniqueAcrossBothLists() {
		this.runner
			.withPropertyValues("palisade.rate-limit.pre-auth-policies[0].name=same",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=1",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1s",
					"palisade.rate-limit.policies[0].name=same",
					"palisade.rate-limit.policies[0].limits[0].capacity=1",
					"palisade.rate-limit.policies[0].limits[0].period=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("share this name"));
	}

	@Test
	void policyWithoutLimitFailsAtStartUpNamingTheProperty() {
		this.runner.withPropertyValues("palisade.rate-limit.policies[0].name=empty")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("palisade.rate-limit.policies[0]"));
	}

	@Test
	void filtersExistOnlyInServletWebApplications() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(RateLimitFilter.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PalisadeRateLimitAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(RateLimitFilter.class)
				.hasSingleBean(PreAuthenticationRateLimitFilter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBackend {

		static final RateLimitBackend BACKEND = new LocalRateLimitBackend();

		@Bean
		RateLimitBackend ownBackend() {
			return BACKEND;
		}
	}
}
