package dev.palisade.security.autoconfigure.network;

import java.time.Duration;
import java.util.List;

import dev.palisade.security.net.ProxyHeader;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Network policy for the servlet stack ({@code palisade.network}): which client addresses may reach
 * which paths, how large a request may be, and the security headers of every response.
 *
 * @param trustedProxies CIDR blocks of the reverse proxies whose forwarding header is believed for
 * every address-based decision (network rules, rate limits, sign-in throttle); empty falls back to
 * palisade.rate-limit.trusted-proxies, and with both empty the socket peer is the client.
 * @param proxyHeader The forwarding header those proxies write (default: that of
 * palisade.rate-limit.proxy-header, x-forwarded-for).
 * @param rules Allow and deny lists per path pattern, checked before authentication; a request must
 * pass every rule whose paths match it.
 * @param limits Request size limits.
 * @param headers Security headers written on every response of Palisade's chain.
 */
@ConfigurationProperties("palisade.network")
public record PalisadeNetworkProperties(List<String> trustedProxies, ProxyHeader proxyHeader, List<Rule> rules,
		@DefaultValue Limits limits, @DefaultValue Headers headers) {

	public PalisadeNetworkProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	/**
	 * One network rule.
	 *
	 * @param name A short name for audit records and metrics (default: rule-N).
	 * @param paths Path patterns the rule covers (for example /admin/**, /actuator/**).
	 * @param allow CIDR blocks or addresses that may reach the paths; empty means every address not
	 * denied.
	 * @param deny CIDR blocks or addresses that may not, whatever allow says.
	 */
	public record Rule(String name, List<String> paths, List<String> allow, List<String> deny) {

		public Rule {
			paths = (paths != null) ? List.copyOf(paths) : List.of();
			allow = (allow != null) ? List.copyOf(allow) : List.of();
			deny = (deny != null) ? List.copyOf(deny) : List.of();
		}
	}

	/**
	 * Request size limits. JSON nesting depth and string length are Boot's
	 * spring.jackson.factory.constraints.read.* (Palisade sets 64 and 1MB there unless you do).
	 *
	 * @param maxBodySize The largest request body accepted (by Content-Length, or counted while read
	 * when the body is chunked); larger is 413. Zero turns the check off.
	 */
	public record Limits(@DefaultValue("1MB") DataSize maxBodySize) {
	}

	/**
	 * Security headers. An empty value leaves that header out.
	 *
	 * @param referrerPolicy The Referrer-Policy header.
	 * @param contentSecurityPolicy The Content-Security-Policy header; an API serves no documents,
	 * so the default allows nothing to load and no one to frame it.
	 * @param permissionsPolicy The Permissions-Policy header.
	 * @param hsts Strict-Transport-Security, written on HTTPS requests only.
	 */
	public record Headers(@DefaultValue("no-referrer") String referrerPolicy,
			@DefaultValue("default-src 'none'; frame-ancestors 'none'") String contentSecurityPolicy,
			@DefaultValue("camera=(), microphone=(), geolocation=(), payment=(), usb=()") String permissionsPolicy,
			@DefaultValue Hsts hsts) {
	}

	/**
	 * Strict-Transport-Security.
	 *
	 * @param enabled Whether to write it (on HTTPS requests).
	 * @param maxAge How long browsers keep to HTTPS.
	 * @param includeSubdomains Whether it covers subdomains.
	 * @param preload Whether to ask for the browsers' preload lists.
	 */
	public record Hsts(@DefaultValue("true") boolean enabled, @DefaultValue("365d") Duration maxAge,
			@DefaultValue("true") boolean includeSubdomains, @DefaultValue("false") boolean preload) {
	}
}
