package dev.palisade.security.autoconfigure.ratelimit;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.ratelimit.RateLimitPolicy;
import dev.palisade.security.ratelimit.RateLimiter;
import dev.palisade.security.web.PreAuthenticationRateLimitFilter;
import dev.palisade.security.web.RateLimitDecisionListener;
import dev.palisade.security.web.RateLimitFilter;
import dev.palisade.security.web.RateLimitHeaders;
import dev.palisade.security.web.RateLimitPlanResolver;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The two rate-limit filters. They belong to the security filter chain only
 * ({@code PalisadeHttpConfigurer} adds them), so their servlet-container registration is disabled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
class RateLimitFilterConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateLimitPlanResolver palisadeRateLimitPlanResolver(PalisadeRateLimitProperties properties) {
		return RateLimitPlanResolver.fromAttribute(properties.planClaim());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitHeaders palisadeRateLimitHeaders(PalisadeRateLimitProperties properties) {
		if (!properties.ietfHeaders()) {
			return RateLimitHeaders.xRateLimit();
		}
		List<RateLimitPolicy> policies = new ArrayList<>(RateLimitPolicies.preAuthentication(properties));
		policies.addAll(RateLimitPolicies.postAuthentication(properties));
		return RateLimitHeaders.withIetfFields(policies);
	}

	@Bean
	@ConditionalOnMissingBean
	PreAuthenticationRateLimitFilter palisadePreAuthenticationRateLimitFilter(
			@Qualifier(PalisadeRateLimitAutoConfiguration.PRE_AUTHENTICATION_LIMITER) RateLimiter limiter,
			ClientIpResolver clientIpResolver, RateLimitHeaders headers,
			ObjectProvider<RateLimitDecisionListener> listener) {
		return new PreAuthenticationRateLimitFilter(limiter, clientIpResolver, headers, all(listener));
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitFilter palisadeRateLimitFilter(@Qualifier(PalisadeRateLimitAutoConfiguration.LIMITER) RateLimiter limiter,
			ClientIpResolver clientIpResolver, RateLimitPlanResolver planResolver, RateLimitHeaders headers,
			ObjectProvider<RateLimitDecisionListener> listener) {
		return new RateLimitFilter(limiter, clientIpResolver, planResolver, headers, all(listener));
	}

	// every listener bean hears every decision (metrics, audit, the application's own)
	private static RateLimitDecisionListener all(ObjectProvider<RateLimitDecisionListener> listeners) {
		List<RateLimitDecisionListener> all = listeners.orderedStream().toList();
		return (decision) -> all.forEach((listener) -> listener.onDecision(decision));
	}

	@Bean
	@ConditionalOnMissingBean(name = "palisadePreAuthenticationRateLimitFilterRegistration")
	FilterRegistrationBean<PreAuthenticationRateLimitFilter> palisadePreAuthenticationRateLimitFilterRegistration(
			PreAuthenticationRateLimitFilter filter) {
		FilterRegistrationBean<PreAuthenticationRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "palisadeRateLimitFilterRegistration")
	FilterRegistrationBean<RateLimitFilter> palisadeRateLimitFilterRegistration(RateLimitFilter filter) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeRateLimitDecisionListener")
		RateLimitDecisionListener palisadeRateLimitDecisionListener(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meters = registry.getIfUnique();
			return (meters != null) ? new MicrometerRateLimitDecisionListener(meters) : RateLimitDecisionListener.NONE;
		}
	}
}
