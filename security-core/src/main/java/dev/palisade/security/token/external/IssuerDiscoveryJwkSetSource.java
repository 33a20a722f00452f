package dev.palisade.security.token.external;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Finds an issuer's {@code jwks_uri} in its metadata the first time keys are needed, checks that
 * the metadata names the same issuer (OpenID Connect Discovery §4.3, RFC 8414 §3.3), then reads
 * keys from there. Nimbus has no discovery of its own outside its OAuth SDK, and Spring's lives
 * behind its decoder builder, which cannot be given a rate-limited source.
 */
final class IssuerDiscoveryJwkSetSource<C extends SecurityContext> implements JWKSetSource<C> {

	private static final String[] METADATA_PATHS = { "/.well-known/openid-configuration",
			"/.well-known/oauth-authorization-server" };

	private final URI issuer;

	private final ResourceRetriever retriever;

	private volatile URLBasedJWKSetSource<C> delegate;

	IssuerDiscoveryJwkSetSource(URI issuer, ResourceRetriever retriever) {
		ExternalJwkSources.toUrl(issuer);
		this.issuer = issuer;
		this.retriever = retriever;
	}

	@Override
	public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, C context)
			throws KeySourceException {
		URLBasedJWKSetSource<C> source = this.delegate;
		if (source == null) {
			source = new URLBasedJWKSetSource<>(ExternalJwkSources.toUrl(discoverJwkSetUri()), this.retriever);
			this.delegate = source;
		}
		return source.getJWKSet(refreshEvaluator, currentTime, context);
	}

	private URI discoverJwkSetUri() throws KeySourceException {
		String base = this.issuer.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		KeySourceException last = null;
		for (String path : METADATA_PATHS) {
			try {
				Resource resource = this.retriever.retrieveResource(URI.create(base + path).toURL());
				Map<String, Object> metadata = JSONObjectUtils.parse(resource.getContent());
				if (!this.issuer.toString().equals(metadata.get("issuer"))) {
					throw new KeySourceException("issuer metadata names another issuer");
				}
				Object jwksUri = metadata.get("jwks_uri");
				if (!(jwksUri instanceof String uri)) {
					throw new KeySourceException("issuer metadata has no jwks_uri");
				}
				return URI.create(uri);
			}
			catch (IOException | ParseException | IllegalArgumentException ex) {
				last = new KeySourceException("issuer metadata could not be read", ex);
			}
			catch (KeySourceException ex) {
				last = ex;
			}
		}
		throw last;
	}

	@Override
	public void close() throws IOException {
		URLBasedJWKSetSource<C> source = this.delegate;
		if (source != null) {
			source.close();
		}
	}
}
