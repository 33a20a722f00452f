package dev.palisade.security.token;

import java.security.Provider;
import java.security.Security;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/** Builds the Nimbus (or our Ed25519) signer and verifier for a {@link TokenKey} and a provider preference. */
final class JwsCrypto {

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private JwsCrypto() {
	}

	static Provider provider(CryptoProviderPreference preference) {
		if (preference == CryptoProviderPreference.BOUNCY_CASTLE) {
			return BOUNCY_CASTLE;
		}
		Provider sunEc = Security.getProvider("SunEC");
		return sunEc;
	}

	static JWSVerifier verifier(TokenKey key, CryptoProviderPreference preference) {
		try {
			JWSVerifier verifier;
			if (key.jwk() instanceof OctetSequenceKey oct) {
				verifier = new MACVerifier(oct);
			}
			else if (key.jwk() instanceof RSAKey rsa) {
				verifier = new RSASSAVerifier(rsa);
			}
			else if (key.jwk() instanceof ECKey ec) {
				ECDSAVerifier ecdsa = new ECDSAVerifier(ec);
				Provider provider = provider(preference);
				if (provider != null) {
					ecdsa.getJCAContext().setProvider(provider);
				}
				verifier = ecdsa;
			}
			else if (key.jwk() instanceof OctetKeyPair okp) {
				verifier = new Ed25519JcaVerifier(okp, provider(preference));
			}
			else {
				throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY, "Unsupported key type");
			}
			return new AlgorithmPinnedVerifier(key.algorithm(), verifier);
		}
		catch (JOSEException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"Key '" + key.kid() + "' cannot be used for verification", ex);
		}
	}

	static JWSSigner signer(TokenKey key, CryptoProviderPreference preference) {
		if (!key.canSign()) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"Key '" + key.kid() + "' has no private part and cannot sign");
		}
		try {
			if (key.jwk() instanceof OctetSequenceKey oct) {
				return new MACSigner(oct);
			}
			if (key.jwk() instanceof RSAKey rsa) {
				return new RSASSASigner(rsa);
			}
			if (key.jwk() instanceof ECKey ec) {
				ECDSASigner ecdsa = new ECDSASigner(ec);
				Provider provider = provider(preference);
				if (provider != null) {
					ecdsa.getJCAContext().setProvider(provider);
				}
				return ecdsa;
			}
			if (key.jwk() instanceof OctetKeyPair okp) {
				return new Ed25519JcaSigner(okp, provider(preference));
			}
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY, "Unsupported key type");
		}
		catch (JOSEException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"Key '" + key.kid() + "' cannot be used for signing", ex);
		}
	}

	/**
	 * Refuses any header whose algorithm is not the key's algorithm, whatever the wrapped verifier
	 * supports (a MACVerifier would otherwise accept HS384 for an HS256 key).
	 */
	private static final class AlgorithmPinnedVerifier implements JWSVerifier {

		private final JWSAlgorithm algorithm;

		private final JWSVerifier delegate;

		AlgorithmPinnedVerifier(JWSAlgorithm algorithm, JWSVerifier delegate) {
			this.algorithm = algorithm;
			this.delegate = delegate;
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
			if (!this.algorithm.equals(header.getAlgorithm())) {
				return false;
			}
			return this.delegate.verify(header, signingInput, signature);
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(this.algorithm);
		}

		@Override
		public JCAContext getJCAContext() {
			return this.delegate.getJCAContext();
		}

	}

}
