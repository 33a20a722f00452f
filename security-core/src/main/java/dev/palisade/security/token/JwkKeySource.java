package dev.palisade.security.token;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * Keys from JWK or JWK Set JSON. Each key's algorithm is its {@code alg} member, or the given default.
 */
public final class JwkKeySource implements TokenKeySource {

	private final String json;

	private final JWSAlgorithm defaultAlgorithm;

	private JwkKeySource(String json, JWSAlgorithm defaultAlgorithm) {
		this.json = json;
		this.defaultAlgorithm = defaultAlgorithm;
	}

	/** A source over JWK or JWK Set JSON; {@code defaultAlgorithm} may be {@code null}. */
	public static JwkKeySource of(String json, JWSAlgorithm defaultAlgorithm) {
		return new JwkKeySource(json, defaultAlgorithm);
	}

	@Override
	public List<TokenKey> load() {
		throw new UnsupportedOperationException("not yet implemented");
	}

	@Override
	public String toString() {
		return "JwkKeySource[defaultAlg=" + this.defaultAlgorithm + "]";
	}

}
