package dev.palisade.security.token;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * One JWS key with its key id and the single algorithm it may be used with. The algorithm belongs to
 * the key, never to a token header: a verifier only accepts tokens whose {@code alg} equals
 * {@link #algorithm()}. Construction validates that the key type fits the algorithm, that RSA keys have
 * at least 2048 bits and that HMAC secrets are at least as long as the hash output (RFC 7518 section 3.2).
 * {@link #toString()} shows the key id and algorithm only.
 */
public final class TokenKey {

	private static final int MAX_KID_LENGTH = 256;

	private final String kid;

	private final JWSAlgorithm algorithm;

	private final JWK jwk;

	private final AtomicReferenceArray<JWSVerifier> verifiers = new AtomicReferenceArray<>(
			CryptoProviderPreference.values().length);

	private final AtomicReferenceArray<JWSSigner> signers = new AtomicReferenceArray<>(
			CryptoProviderPreference.values().length);

	private TokenKey(JWK jwk, JWSAlgorithm algorithm) {
		this.jwk = jwk;
		this.algorithm = algorithm;
		this.kid = jwk.getKeyID();
	}

	/**
	 * Wraps a Nimbus JWK (public-only keys are allowed and verify only). A missing key id is replaced by
	 * the RFC 7638 thumbprint for asymmetric keys; symmetric keys must carry a key id (a thumbprint of a
	 * secret would leak a hash of it in every token header).
	 * @throws InvalidKeyConfigurationException if the key does not fit the algorithm
	 */
	public static TokenKey of(JWK jwk, JWSAlgorithm alg) {
		Objects.requireNonNull(jwk, "jwk");
		KeyAlgorithmRules.requireSupported(alg);
		String kid = jwk.getKeyID();
		if (kid == null) {
			if (jwk instanceof OctetSequenceKey) {
				throw new InvalidKeyConfigurationException(Reason.MISSING_KEY_ID,
						"An HMAC key needs an explicit key id (kid)");
			}
			kid = thumbprint(jwk);
		}
		checkKid(kid);
		if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
			throw new InvalidKeyConfigurationException(Reason.KEY_ALGORITHM_MISMATCH,
					"Key '" + kid + "' has use '" + jwk.getKeyUse().identifier() + "' but token keys need use 'sig'");
		}
		if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().isEmpty()
				&& jwk.getKeyOperations().stream().noneMatch((op) -> op == KeyOperation.SIGN || op == KeyOperation.VERIFY)) {
			throw new InvalidKeyConfigurationException(Reason.KEY_ALGORITHM_MISMATCH,
					"Key '" + kid + "' has key_ops " + jwk.getKeyOperations() + " but token keys need sign or verify");
		}
		JWK normalised = normalise(jwk, kid, alg);
		KeyAlgorithmRules.check(normalised, alg);
		return new TokenKey(normalised, alg);
	}

	/**
	 * An HMAC key from raw secret bytes (for example decoded from configuration).
	 * @throws InvalidKeyConfigurationException if the secret is shorter than the hash output
	 */
	public static TokenKey hmac(byte[] secret, JWSAlgorithm alg, String kid) {
		Objects.requireNonNull(secret, "secret");
		if (kid == null) {
			throw new InvalidKeyConfigurationException(Reason.MISSING_KEY_ID,
					"An HMAC key needs an explicit key id (kid)");
		}
		KeyAlgorithmRules.requireSupported(alg);
		if (!JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
			throw new InvalidKeyConfigurationException(Reason.KEY_ALGORITHM_MISMATCH,
					"A raw secret can only be used with HS256/HS384/HS512, not " + alg.getName());
		}
		return of(new OctetSequenceKey.Builder(secret).keyID(kid).build(), alg);
	}

	/**
	 * Generates a fresh random key for {@code alg}: a hash-sized HMAC secret, a 2048-bit RSA key, an EC
	 * key on the algorithm's curve or an Ed25519 key pair.
	 * @param kid the key id, or {@code null} for a generated one (thumbprint or random)
	 */
	public static TokenKey generate(JWSAlgorithm alg, String kid) {
		KeyAlgorithmRules.requireSupported(alg);
		try {
			JWK jwk;
			if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
				jwk = new OctetSequenceKeyGenerator(KeyAlgorithmRules.hashBytes(alg) * 8)
					.keyID((kid != null) ? kid : UUID.randomUUID().toString())
					.generate();
			}
			else if (JWSAlgorithm.Family.RSA.contains(alg)) {
				jwk = new RSAKeyGenerator(KeyAlgorithmRules.MIN_RSA_BITS).generate();
			}
			else if (JWSAlgorithm.ES256.equals(alg)) {
				jwk = new ECKeyGenerator(Curve.P_256).generate();
			}
			else if (JWSAlgorithm.ES384.equals(alg)) {
				jwk = new ECKeyGenerator(Curve.P_384).generate();
			}
			else {
				// Nimbus's OctetKeyPairGenerator needs Google Tink for Ed25519, which we don't ship.
				Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(new SecureRandom());
				jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(priv.generatePublicKey().getEncoded()))
					.d(Base64URL.encode(priv.getEncoded()))
					.build();
			}
			if (kid != null && !(jwk instanceof OctetSequenceKey)) {
				jwk = normalise(jwk, kid, alg);
			}
			return of(jwk, alg);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a " + alg.getName() + " key", ex);
		}
	}

	/** The key id, carried in the {@code kid} header of every token signed with this key. */
	public String kid() {
		return this.kid;
	}

	/** The only JWS algorithm this key signs and verifies with. */
	public JWSAlgorithm algorithm() {
		return this.algorithm;
	}

	/** The key as a JWK, including the private part or secret if this key has one. Handle with care. */
	public JWK jwk() {
		return this.jwk;
	}

	/** The public JWK (with kid, alg and use), or empty for HMAC keys, which have no public part. */
	public Optional<JWK> publicJwk() {
		if (this.jwk instanceof OctetSequenceKey) {
			return Optional.empty();
		}
		return Optional.of(this.jwk.toPublicJWK());
	}

	/** Whether this key can sign (it has a private part or is an HMAC secret). */
	public boolean canSign() {
		return this.jwk.isPrivate();
	}

	/** Whether this is a symmetric (HMAC) key. */
	public boolean isSymmetric() {
		return this.jwk instanceof OctetSequenceKey;
	}

	JWSVerifier verifier(CryptoProviderPreference preference) {
		JWSVerifier verifier = this.verifiers.get(preference.ordinal());
		if (verifier == null) {
			verifier = JwsCrypto.verifier(this, preference);
			this.verifiers.compareAndSet(preference.ordinal(), null, verifier);
		}
		return verifier;
	}

	JWSSigner signer(CryptoProviderPreference preference) {
		JWSSigner signer = this.signers.get(preference.ordinal());
		if (signer == null) {
			signer = JwsCrypto.signer(this, preference);
			this.signers.compareAndSet(preference.ordinal(), null, signer);
		}
		return signer;
	}

	@Override
	public String toString() {
		return "TokenKey[kid=" + this.kid + ", alg=" + this.algorithm.getName() + ", canSign=" + canSign() + "]";
	}

	private static void checkKid(String kid) {
		if (kid.isBlank() || kid.length() > MAX_KID_LENGTH) {
			throw new InvalidKeyConfigurationException(Reason.MISSING_KEY_ID,
					"A key id must be 1 to " + MAX_KID_LENGTH + " characters");
		}
		for (int i = 0; i < kid.length(); i++) {
			if (Character.isISOControl(kid.charAt(i))) {
				throw new InvalidKeyConfigurationException(Reason.MISSING_KEY_ID,
						"A key id must not contain control characters");
			}
		}
	}

	private static String thumbprint(JWK jwk) {
		try {
			return jwk.computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY, "Could not compute the key thumbprint",
					ex);
		}
	}

	private static JWK normalise(JWK jwk, String kid, JWSAlgorithm alg) {
		if (jwk.getAlgorithm() != null && !alg.getName().equals(jwk.getAlgorithm().getName())) {
			throw new InvalidKeyConfigurationException(Reason.KEY_ALGORITHM_MISMATCH, "Key '" + kid
					+ "' declares alg " + jwk.getAlgorithm().getName() + " but is configured for " + alg.getName());
		}
		if (jwk instanceof RSAKey rsa) {
			return new RSAKey.Builder(rsa).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).keyOperations(null).build();
		}
		if (jwk instanceof ECKey ec) {
			return new ECKey.Builder(ec).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).keyOperations(null).build();
		}
		if (jwk instanceof OctetKeyPair okp) {
			return new OctetKeyPair.Builder(okp).keyID(kid)
				.algorithm(alg)
				.keyUse(KeyUse.SIGNATURE)
				.keyOperations(null)
				.build();
		}
		if (jwk instanceof OctetSequenceKey oct) {
			return new OctetSequenceKey.Builder(oct).keyID(kid)
				.algorithm(alg)
				.keyUse(KeyUse.SIGNATURE)
				.keyOperations(null)
				.build();
		}
		throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
				"Unsupported key type " + jwk.getKeyType() + " for key '" + kid + "'");
	}

}
