package dev.palisade.security.autoconfigure.network;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.access.url.UrlPattern;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitAutoConfiguration;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.IpAccessList;
import dev.palisade.security.net.ProxyHeader;
import dev.palisade.security.net.TrustedProxies;
import dev.palisade.security.web.NetworkPolicyFilter;
import dev.palisade.security.web.PalisadeHttpConfigurer;
import dev.palisade.security.web.RequestLimitProblemAdvice;
import dev.palisade.security.web.RequestSizeLimitFilter;
import dev.palisade.security.web.SecurityHeaders;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Network policy for servlet applications: the client address resolver every address-based
 * decision shares ({@code palisade.network.trusted-proxies}), the network rules, the request size
 * limit, the security headers, and CORS ({@code palisade.cors}). {@code PalisadeHttpConfigurer}
 * places the filters and applies the headers and CORS.
 */
@AutoConfiguration(before = PalisadeRateLimitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.security.config.annotation.web.builders.HttpSecurity")
@EnableConfigurationProperties({ PalisadeNetworkProperties.class, PalisadeCorsProperties.class })
public final class PalisadeNetworkAutoConfiguration {

	private static final String CORS_CONFIGURATION_SOURCE = PalisadeHttpConfigurer.CORS_CONFIGURATION_SOURCE;

	@Bean
	@ConditionalOnMissingBean
	ClientIpResolver palisadeClientIpResolver(PalisadeNetworkProperties properties, Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> cidrs = properties.trustedProxies();
		String property = "palisade.network.trusted-proxies";
		if (cidrs.isEmpty()) {
			cidrs = binder.bind("palisade.rate-limit.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of());
			property = "palisade.rate-limit.trusted-proxies";
		}
		ProxyHeader header = (properties.proxyHeader() != null) ? properties.proxyHeader()
				: binder.bind("palisade.rate-limit.proxy-header", ProxyHeader.class).orElse(ProxyHeader.X_FORWARDED_FOR);
		return new ClientIpResolver(trustedProxies(property, cidrs), header);
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityHeaders palisadeSecurityHeaders(PalisadeNetworkProperties properties) {
		PalisadeNetworkProperties.Headers headers = properties.headers();
		PalisadeNetworkProperties.Hsts hsts = headers.hsts();
		return new SecurityHeaders(headers.referrerPolicy(), headers.contentSecurityPolicy(),
				headers.permissionsPolicy(), hsts.enabled() ? hsts.maxAge() : null, hsts.includeSubdomains(),
				hsts.preload());
	}

	@Bean
	@ConditionalOnMissingBean
	NetworkPolicyFilter palisadeNetworkPolicyFilter(PalisadeNetworkProperties properties,
			ClientIpResolver clientIpResolver, ObjectProvider<AuditRecorder> auditRecorder) {
		List<NetworkPolicyFilter.Rule> rules = new ArrayList<>();
		for (int i = 0; i < properties.rules().size(); i++) {
			rules.add(rule(properties.rules().get(i), "palisade.network.rules[" + i + "]", i));
		}
		// with no rules the filter is not placed in the chain (PalisadeHttpConfigurer checks)
		return new NetworkPolicyFilter(rules, clientIpResolver, auditRecorder.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RequestSizeLimitFilter palisadeRequestSizeLimitFilter(PalisadeNetworkProperties properties,
			ObjectProvider<AuditRecorder> auditRecorder) {
		long max = properties.limits().maxBodySize().toBytes();
		if (max < 0) {
			throw new InvalidPalisadePropertyException("palisade.network.limits.max-body-size", "must not be negative",
					"Give a size such as 1MB, or 0 to turn the check off.", null);
		}
		return new RequestSizeLimitFilter(max, auditRecorder.getIfAvailable());
	}

	// the filters run inside Palisade's security chain only, not as servlet filters of their own
	@Bean
	@ConditionalOnMissingBean(name = "palisadeNetworkPolicyFilterRegistration")
	FilterRegistrationBean<NetworkPolicyFilter> palisadeNetworkPolicyFilterRegistration(NetworkPolicyFilter filter) {
		FilterRegistrationBean<NetworkPolicyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "palisadeRequestSizeLimitFilterRegistration")
	FilterRegistrationBean<RequestSizeLimitFilter> palisadeRequestSizeLimitFilterRegistration(
			RequestSizeLimitFilter filter) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean(CORS_CONFIGURATION_SOURCE)
	@ConditionalOnMissingBean(name = CORS_CONFIGURATION_SOURCE)
	UrlBasedCorsConfigurationSource palisadeCorsConfigurationSource(PalisadeCorsProperties cors) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!cors.hasOrigins()) {
			return source; // no mapping: PalisadeHttpConfigurer leaves CORS off
		}
		if (cors.allowCredentials() && cors.allowedOriginPatterns().stream().anyMatch((p) -> p.strip().equals("*"))) {
			throw new InvalidPalisadePropertyException("palisade.cors.allowed-origin-patterns",
					"is '*' while palisade.cors.allow-credentials is true: every site's origin would be echoed back"
							+ " with the user's cookies or credentials allowed",
					"Narrow the pattern (https://*.example.com) or turn allow-credentials off.", null);
		}
		if (cors.allowCredentials() && cors.allowedOrigins().contains("*")) {
			throw new InvalidPalisadePropertyException("palisade.cors.allowed-origins",
					"is '*' while palisade.cors.allow-credentials is true: any site could call with the user's"
							+ " cookies or credentials",
					"List the origins (https://app.example.com), use allowed-origin-patterns for a family of them,"
							+ " or turn allow-credentials off.",
					null);
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(cors.allowedOrigins());
		configuration.setAllowedOriginPatterns(cors.allowedOriginPatterns().isEmpty() ? null
				: cors.allowedOriginPatterns());
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setExposedHeaders(cors.exposedHeaders());
		configuration.setAllowCredentials(cors.allowCredentials());
		configuration.setMaxAge(cors.maxAge());
		for (String path : cors.paths()) {
			source.registerCorsConfiguration(path, configuration);
		}
		return source;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestControllerAdvice")
	static class RequestLimitAdviceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestLimitProblemAdvice palisadeRequestLimitProblemAdvice(ObjectProvider<AuditRecorder> auditRecorder) {
			return new RequestLimitProblemAdvice(auditRecorder.getIfAvailable());
		}

	}

	private static NetworkPolicyFilter.Rule rule(PalisadeNetworkProperties.Rule rule, String property, int index) {
		if (rule.paths().isEmpty()) {
			throw new InvalidPalisadePropertyException(property + ".paths", "is empty",
					"List the path patterns the rule covers, for example /admin/** or /actuator/**.", null);
		}
		if (rule.allow().isEmpty() && rule.deny().isEmpty()) {
			throw new InvalidPalisadePropertyException(property, "has neither allow nor deny",
					"Give allow (only these addresses may reach the paths), deny, or both.", null);
		}
		List<UrlPattern> paths = new ArrayList<>();
		for (int i = 0; i < rule.paths().size(); i++) {
			try {
				paths.add(UrlPattern.parse(rule.paths().get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException(property + ".paths[" + i + "]", ex.getMessage(),
						"Use the grammar of palisade.access.rules: /segment, * or {name} for one segment, ** last.",
						ex);
			}
		}
		IpAccessList access;
		try {
			access = IpAccessList.of(rule.allow(), rule.deny());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPalisadePropertyException(property, "holds an entry that is not an IP address or CIDR"
					+ " block (" + ex.getMessage() + ")",
					"Write addresses (203.0.113.7, 2001:db8::1) or blocks whose host bits are zero (10.0.0.0/8).", ex);
		}
		String name = (rule.name() != null && !rule.name().isBlank()) ? rule.name() : "rule-" + index;
		return new NetworkPolicyFilter.Rule(name, paths, access);
	}

	private static TrustedProxies trustedProxies(String property, List<String> cidrs) {
		for (int i = 0; i < cidrs.size(); i++) {
			try {
				TrustedProxies.of(cidrs.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException(property + "[" + i + "]",
						"'" + cidrs.get(i) + "' is not an IP address or CIDR block (" + ex.getMessage() + ")",
						"Write an address (203.0.113.7, 2001:db8::1) or a block whose prefix fits the address: /0 to"
								+ " /32 for IPv4, /0 to /128 for IPv6 (10.0.0.0/8, fd00::/8).",
						ex);
			}
		}
		return TrustedProxies.of(cidrs);
	}

	/** problem+json for the requests Tomcat refuses before any filter runs. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory",
			"org.apache.catalina.valves.ErrorReportValve" })
	static class TomcatProblemErrorsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeTomcatProblemErrors")
		TomcatProblemErrorsCustomizer palisadeTomcatProblemErrors(ObjectProvider<AuditRecorder> auditRecorder) {
			return new TomcatProblemErrorsCustomizer(auditRecorder);
		}
	}
}
