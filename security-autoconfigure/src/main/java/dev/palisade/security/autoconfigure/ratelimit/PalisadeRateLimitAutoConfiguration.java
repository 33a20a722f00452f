package dev.palisade.security.autoconfigure.ratelimit;

import java.util.List;


import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
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
		return new ClientIpResolver(trustedProxies(properties.trustedProxies()), properties.proxyHeader());
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

	private static TrustedProxies trustedProxies(List<String> cidrs) {
		for (int i = 0; i < cidrs.size(); i++) {
			try {
				TrustedProxies.of(cidrs.get(i));
			}
			catch (IllegalArgumentException ex) {
				// a proxy's address range is not a secret: naming it helps find the line
				throw new InvalidPalisadePropertyException("palisade.rate-limit.trusted-proxies[" + i + "]",
						"'" + cidrs.get(i) + "' is not an IP address or CIDR block (" + ex.getMessage() + ")",
						"Write an address (203.0.113.7, 2001:db8::1) or a block whose prefix fits the address: /0 to /32 for"
								+ " IPv4, /0 to /128 for IPv6 (10.0.0.0/8, fd00::/8).",
						ex);
			}
		}
		return TrustedProxies.of(cidrs);
	}
}
