package dev.palisade.security.autoconfigure.token;

import dev.palisade.security.token.InvalidKeyConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a bad token key configuration at start-up and names the property to fix.
 */
class InvalidKeyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidKeyConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidKeyConfigurationException cause) {
		String description = "Palisade cannot use its token signing keys: " + cause.getMessage() + " (" + cause.reason()
				+ ").";
		return new FailureAnalysis(description, action(cause), cause);
	}

	private static String action(InvalidKeyConfigurationException cause) {
		return switch (cause.reason()) {
			case SECRET_TOO_SHORT -> "Set palisade.tokens.signing.secret to a random secret at least as long as the"
					+ " algorithm's hash (RFC 7518 section 3.2): 32 bytes for HS256, 48 for HS384, 64 for HS512."
					+ " For example: openssl rand -base64 48";
			case KEY_TOO_SMALL -> "Use an RSA key of at least 2048 bits for palisade.tokens.signing.";
			case KEY_ALGORITHM_MISMATCH -> "Make palisade.tokens.signing.algorithm match the key: RS*/PS* need an RSA"
					+ " key, ES256 an EC P-256 key, ES384 an EC P-384 key, EdDSA an Ed25519 key, HS* a secret.";
			case UNSUPPORTED_ALGORITHM -> "Set palisade.tokens.signing.algorithm to one of HS256, HS384, HS512, RS256,"
					+ " RS384, RS512, PS256, PS384, PS512, ES256, ES384 or EdDSA (generated keys need an asymmetric one).";
			case NO_SIGNING_KEY -> "Configure a signing key: palisade.tokens.signing.source=generated (with"
					+ " palisade.tokens.signing.directory to keep it), pem with private-key, jwk with jwk, or secret with"
					+ " secret.";
			case UNREADABLE_KEY -> "Check that the key file named in palisade.tokens.signing exists, is readable and"
					+ " holds an unencrypted PEM private key or a JWK.";
			case MISSING_KEY_ID, DUPLICATE_KEY_ID -> "Give every key in palisade.tokens.signing a distinct kid.";
			case KEY_STORAGE_FAILED -> "Make palisade.tokens.signing.directory writable by the application, or point"
					+ " it elsewhere.";
		};
	}
}
