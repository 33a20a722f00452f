package dev.palisade.security.web;

import java.time.Duration;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The response headers Palisade adds to Spring Security's defaults (which already write
 * {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-cache, no-store, ...} and
 * {@code X-Frame-Options: DENY}): {@code Referrer-Policy}, {@code Content-Security-Policy},
 * {@code Permissions-Policy}, and {@code Strict-Transport-Security} on HTTPS requests. An empty
 * value leaves a header out; a header the application sets itself is kept.
 *
 * @param referrerPolicy the Referrer-Policy value
 * @param contentSecurityPolicy the Content-Security-Policy value
 * @param permissionsPolicy the Permissions-Policy value
 * @param hstsMaxAge how long browsers keep to HTTPS, or {@code null} for no HSTS header
 * @param hstsIncludeSubdomains whether HSTS covers subdomains
 * @param hstsPreload whether HSTS asks for the preload lists
 */
public record SecurityHeaders(String referrerPolicy, String contentSecurityPolicy, String permissionsPolicy,
		Duration hstsMaxAge, boolean hstsIncludeSubdomains, boolean hstsPreload) {

	/** Adds the headers to {@code headers}. */
	public void applyTo(HeadersConfigurer<HttpSecurity> headers) {
		addIfSet(headers, "Referrer-Policy", this.referrerPolicy);
		addIfSet(headers, "Content-Security-Policy", this.contentSecurityPolicy);
		addIfSet(headers, "Permissions-Policy", this.permissionsPolicy);
		if (this.hstsMaxAge == null) {
			headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
		}
		else {
			headers.httpStrictTransportSecurity((hsts) -> hsts.maxAgeInSeconds(this.hstsMaxAge.toSeconds())
				.includeSubDomains(this.hstsIncludeSubdomains)
				.preload(this.hstsPreload));
		}
	}

	private static void addIfSet(HeadersConfigurer<HttpSecurity> headers, String name, String value) {
		if (value != null && !value.isBlank()) {
			headers.addHeaderWriter(new StaticHeadersWriter(name, value.strip()));
		}
	}
}
