package dev.palisade.security.token.external;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * JWK sources for external identity providers, built with Nimbus's {@link JWKSourceBuilder}: the
 * key set is cached for a time to live, and a token with an unknown {@code kid} triggers a
 * refresh at most once per {@code minRefreshInterval}, so a flood of forged {@code kid}s cannot
 * turn into a flood of requests to the provider.
 */
public final class ExternalJwkSources {

	private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

	private static final int READ_TIMEOUT_MILLIS = 2_000;

	private static final int SIZE_LIMIT_BYTES = 256 * 1024;

	private ExternalJwkSources() {
	}

	/** A retriever with short timeouts and a size limit, as used by the factory methods. */
	public static ResourceRetriever defaultRetriever() {
		return new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES);
	}

	/**
	 * A source reading a JWK Set from a known URI.
	 * @param jwkSetUri the JWK Set document
	 * @param cacheTtl how long a fetched key set is used before it is fetched again
	 * @param minRefreshInterval the shortest time between two fetches caused by unknown keys
	 */
	public static JWKSource<SecurityContext> fromJwkSetUri(URI jwkSetUri, Duration cacheTtl,
			Duration minRefreshInterval, ResourceRetriever retriever) {
		return build(new URLBasedJWKSetSource<>(toUrl(jwkSetUri), retriever), cacheTtl, minRefreshInterval);
	}

	/**
	 * A source that discovers the JWK Set URI from the issuer's OpenID Provider metadata (or RFC
	 * 8414 authorization-server metadata) on first use, then behaves like
	 * {@link #fromJwkSetUri}.
	 */
	public static JWKSource<SecurityContext> fromIssuer(URI issuer, Duration cacheTtl, Duration minRefreshInterval,
			ResourceRetriever retriever) {
		return build(new IssuerDiscoveryJwkSetSource<>(issuer, retriever), cacheTtl, minRefreshInterval);
	}

	private static JWKSource<SecurityContext> build(JWKSetSource<SecurityContext> source, Duration cacheTtl,
			Duration minRefreshInterval) {
		long ttl = cacheTtl.toMillis();
		long refreshInterval = minRefreshInterval.toMillis();
		if (refreshInterval >= ttl) {
			throw new IllegalArgumentException("the minimum refresh interval must be shorter than the cache time to live");
		}
		return JWKSourceBuilder.create(source)
			.cache(ttl, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
			.rateLimited(refreshInterval)
			.refreshAheadCache(false)
			.retrying(false)
			.outageTolerant(false)
			.build();
	}

	static URL toUrl(URI uri) {
		String scheme = uri.getScheme();
		if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
			throw new IllegalArgumentException("only http(s) URIs are supported for key sets");
		}
		try {
			return uri.toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("not a valid URL", ex);
		}
	}
}
