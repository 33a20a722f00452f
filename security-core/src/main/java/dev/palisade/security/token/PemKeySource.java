package dev.palisade.security.token;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * One key from PEM text: a private key (PKCS#8, SEC1 or PKCS#1) signs and verifies; a public key or
 * certificate verifies only.
 */
public final class PemKeySource implements TokenKeySource {

	private final String pem;

	private final String kid;

	private final JWSAlgorithm algorithm;

	private PemKeySource(String pem, String kid, JWSAlgorithm algorithm) {
		this.pem = pem;
		this.kid = kid;
		this.algorithm = algorithm;
	}

	/** A source over PEM text. */
	public static PemKeySource of(String pem, String kid, JWSAlgorithm algorithm) {
		return new PemKeySource(pem, kid, algorithm);
	}

	@Override
	public List<TokenKey> load() {
		throw new UnsupportedOperationException("not yet implemented");
	}

	@Override
	public String toString() {
		return "PemKeySource[kid=" + this.kid + ", alg=" + this.algorithm + "]";
	}

}
