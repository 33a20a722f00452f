package dev.palisade.security.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * One key from PEM text: a private key (PKCS#8, SEC1 {@code EC PRIVATE KEY} or PKCS#1
 * {@code RSA PRIVATE KEY}) signs and verifies; a public key or certificate verifies only. The key id
 * and algorithm are given, because PEM carries neither. Encrypted PEM is refused.
 */
public final class PemKeySource implements TokenKeySource {

	private final String pem;

	private final String kid;

	private final JWSAlgorithm algorithm;

	private PemKeySource(String pem, String kid, JWSAlgorithm algorithm) {
		this.pem = Objects.requireNonNull(pem, "pem");
		this.kid = kid;
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
	}

	/**
	 * A source over PEM text.
	 * @param kid the key id, or {@code null} for the RFC 7638 thumbprint
	 */
	public static PemKeySource of(String pem, String kid, JWSAlgorithm algorithm) {
		return new PemKeySource(pem, kid, algorithm);
	}

	/** A source over a PEM file, read now. */
	public static PemKeySource fromFile(Path file, String kid, JWSAlgorithm algorithm) {
		try {
			return new PemKeySource(Files.readString(file, StandardCharsets.US_ASCII), kid, algorithm);
		}
		catch (IOException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"Cannot read the PEM key file " + file + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	@Override
	public List<TokenKey> load() {
		JWK jwk = PemKeys.read(this.pem);
		if (this.kid != null) {
			jwk = KeyIds.withKid(jwk, this.kid);
		}
		return List.of(TokenKey.of(jwk, this.algorithm));
	}

	@Override
	public String toString() {
		return "PemKeySource[kid=" + this.kid + ", alg=" + this.algorithm + "]";
	}

}
