package dev.palisade.security.autoconfigure.network;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin requests ({@code palisade.cors}), mapped onto Spring's {@code CorsConfiguration}.
 * Off until an origin is listed; a preflight is answered before authentication.
 *
 * @param paths Path patterns the configuration applies to.
 * @param allowedOrigins Origins allowed to call (https://app.example.com); "*" only without
 * credentials.
 * @param allowedOriginPatterns Origin patterns (https://*.example.com).
 * @param allowedMethods HTTP methods allowed cross-origin.
 * @param allowedHeaders Request headers allowed cross-origin.
 * @param exposedHeaders Response headers the calling page may read.
 * @param allowCredentials Whether cookies and HTTP authentication may be sent; with it, no wildcard
 * origin is accepted.
 * @param maxAge How long a browser may cache a preflight answer.
 */
@ConfigurationProperties("palisade.cors")
public record PalisadeCorsProperties(@DefaultValue("/**") List<String> paths, List<String> allowedOrigins,
		List<String> allowedOriginPatterns,
		@DefaultValue({ "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
		@DefaultValue({ "Authorization", "Content-Type", "X-API-Key" }) List<String> allowedHeaders,
		@DefaultValue({ "RateLimit", "RateLimit-Policy", "Retry-After" }) List<String> exposedHeaders,
		@DefaultValue("false") boolean allowCredentials, @DefaultValue("30m") Duration maxAge) {

	public PalisadeCorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		allowedOriginPatterns = (allowedOriginPatterns != null) ? List.copyOf(allowedOriginPatterns) : List.of();
	}

	/** Whether any origin is configured. */
	public boolean hasOrigins() {
		return !this.allowedOrigins.isEmpty() || !this.allowedOriginPatterns.isEmpty();
	}
}
