package dev.palisade.security.token;

import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * Which key fits which JWS algorithm. The rules are the minimum that RFC 7518 and RFC 8037 demand plus
 * the 2048-bit RSA floor of NIST SP 800-131A.
 */
final class KeyAlgorithmRules {

	static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512,
			JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
			JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.EdDSA);

	static final int MIN_RSA_BITS = 2048;

	private KeyAlgorithmRules() {
	}

	static void requireSupported(JWSAlgorithm alg) {
		if (alg == null || !SUPPORTED.contains(alg)) {
			throw new InvalidKeyConfigurationException(Reason.UNSUPPORTED_ALGORITHM,
					"Unsupported token signing algorithm " + ((alg != null) ? alg.getName() : "null")
							+ "; use one of HS256/384/512, RS256/384/512, PS256/384/512, ES256, ES384, EdDSA");
		}
	}

	/** Checks that {@code jwk} may be used with {@code alg}; throws otherwise. */
	static void check(JWK jwk, JWSAlgorithm alg) {
		requireSupported(alg);
		String kid = jwk.getKeyID();
		if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
			if (!(jwk instanceof OctetSequenceKey oct)) {
				throw mismatch(kid, alg, jwk);
			}
			int needed = hashBytes(alg);
			int actual = oct.toByteArray().length;
			if (actual < needed) {
				throw new InvalidKeyConfigurationException(Reason.SECRET_TOO_SHORT,
						"HMAC secret of key '" + kid + "' has " + actual + " bytes but " + alg.getName() + " needs at least "
								+ needed + " bytes (RFC 7518 section 3.2); configure a longer random secret");
			}
		}
		else if (JWSAlgorithm.Family.RSA.contains(alg)) {
			if (!(jwk instanceof RSAKey rsa)) {
				throw mismatch(kid, alg, jwk);
			}
			int bits = rsa.size();
			if (bits < MIN_RSA_BITS) {
				throw new InvalidKeyConfigurationException(Reason.KEY_TOO_SMALL, "RSA key '" + kid + "' has " + bits
						+ " bits; at least " + MIN_RSA_BITS + " bits are required");
			}
		}
		else if (JWSAlgorithm.ES256.equals(alg) || JWSAlgorithm.ES384.equals(alg)) {
			Curve expected = JWSAlgorithm.ES256.equals(alg) ? Curve.P_256 : Curve.P_384;
			if (!(jwk instanceof ECKey ec) || !expected.equals(ec.getCurve())) {
				throw mismatch(kid, alg, jwk);
			}
		}
		else if (JWSAlgorithm.EdDSA.equals(alg)) {
			if (!(jwk instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
				throw mismatch(kid, alg, jwk);
			}
		}
		if (jwk.getAlgorithm() != null && !alg.getName().equals(jwk.getAlgorithm().getName())) {
			throw new InvalidKeyConfigurationException(Reason.KEY_ALGORITHM_MISMATCH, "Key '" + kid + "' declares alg "
					+ jwk.getAlgorithm().getName() + " but is configured for " + alg.getName());
		}
	}

	static int hashBytes(JWSAlgorithm alg) {
		String name = alg.getName();
		if (name.endsWith("256")) {
			return 32;
		}
		if (name.endsWith("384")) {
			return 48;
		}
		return 64;
	}

	private static InvalidKeyConfigurationException mismatch(String kid, JWSAlgorithm alg, JWK jwk) {
		String curve = "";
		if (jwk instanceof ECKey ec) {
			curve = " on curve " + ec.getCurve();
		}
		else if (jwk instanceof OctetKeyPair okp) {
			curve = " on curve " + okp.getCurve();
		}
		return new InvalidKeyConfigurationException(Reason.KEY_ALGORITHM_MISMATCH,
				"Key '" + kid + "' of type " + jwk.getKeyType() + curve + " cannot be used with " + alg.getName()
						+ " (RS*/PS* need RSA, ES256 EC P-256, ES384 EC P-384, EdDSA OKP Ed25519, HS* oct)");
	}

}
