package dev.palisade.security.autoconfigure.ratelimit;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.TrustedProxies;
import dev.palisade.security.ratelimit.LocalRateLimitBackend;
import dev.palisade.security.ratelimit.PolicyRateLimiter;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.RateLimiter;
import dev.palisade.security.ratelimit.SignInThrottle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Rate limiting: the client-address resolver, the bucket backend (local, or Redis shared between
 * instances), a limiter before authentication ({@code palisadePreAuthenticationRateLimiter}, keyed
 * by address) and one after it ({@code palisadeRateLimiter}), the {@link SignInThrottle} (per
 * username and client address), and on the servlet stack the two filters that
 * {@code PalisadeHttpConfigurer} puts into the security chain.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "palisade.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PalisadeRateLimitProperties.class)
@Import({ RedisBackendConfiguration.class, RateLimitFilterConfiguration.class })
public final class PalisadeRateLimitAutoConfiguration {

	/** Bean name of the limiter that runs before authentication. */
	public static final String PRE_AUTHENTICATION_LIMITER = "palisadePreAuthenticationRateLimiter";

	/** Bean name of the limiter that runs after authentication. */
	public static final String LIMITER = "palisadeRateLimiter";

	@Bean
	@ConditionalOnMissingBean
	ClientIpResolver palisadeClientIpResolver(PalisadeRateLimitProperties properties) {
		return new ClientIpResolver(TrustedProxies.of(properties.trustedProxies()), properties.proxyHeader());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitBackend palisadeRateLimitBackend(PalisadeRateLimitProperties properties) {
		if (properties.backend() == PalisadeRateLimitProperties.Backend.REDIS) {
			throw new IllegalStateException("palisade.rate-limit.backend=redis needs io.lettuce:lettuce-core and "
					+ "com.bucket4j:bucket4j_jdk17-lettuce on the classpath");
		}
		return LocalRateLimitBackend.builder().maximumKeys(properties.maximumLocalKeys()).build();
	}

	@Bean(PRE_AUTHENTICATION_LIMITER)
	@ConditionalOnMissingBean(name = PRE_AUTHENTICATION_LIMITER)
	RateLimiter palisadePreAuthenticationRateLimiter(PalisadeRateLimitProperties properties,
			RateLimitBackend backend) {
		return limiter(properties, backend).policies(RateLimitPolicies.preAuthentication(properties)).build();
	}

	@Bean(LIMITER)
	@ConditionalOnMissingBean(name = LIMITER)
	RateLimiter palisadeRateLimiter(PalisadeRateLimitProperties properties, RateLimitBackend backend) {
		return limiter(properties, backend).policies(RateLimitPolicies.postAuthentication(properties)).build();
	}

	private static PolicyRateLimiter.Builder limiter(PalisadeRateLimitProperties properties,
			RateLimitBackend backend) {
		return PolicyRateLimiter.builder(backend)
			.failureMode(properties.failureMode())
			.failClosedRetryAfter(properties.failClosedRetryAfter());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "palisade.rate-limit.sign-in.enabled", matchIfMissing = true)
	SignInThrottle palisadeSignInThrottle(PalisadeRateLimitProperties properties) {
		PalisadeRateLimitProperties.SignIn signIn = properties.signIn();
		return SignInThrottle.builder()
			.freeAttempts(signIn.freeAttempts())
			.baseDelay(signIn.baseDelay())
			.maxDelay(signIn.maxDelay())
			.forgetAfter(signIn.forgetAfter())
			.usernameBudget(signIn.usernameBudget(), signIn.usernameBudgetRefill())
			.overBudgetDelay(signIn.overBudgetDelay())
			.maximumUsernames(signIn.maximumUsernames())
			.build();
	}
}
