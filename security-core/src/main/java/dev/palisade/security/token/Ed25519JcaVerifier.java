package dev.palisade.security.token;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * EdDSA (Ed25519) JWS verifier over JCA. Written here because Nimbus's Ed25519Verifier needs Google Tink,
 * which Palisade does not ship. Like the Nimbus verifiers it refuses headers with critical parameters.
 */
final class Ed25519JcaVerifier implements JWSVerifier {

	private final PublicKey publicKey;

	private final Provider provider;

	private final JCAContext jcaContext = new JCAContext();

	private final CriticalHeaderParamsDeferral critPolicy = new CriticalHeaderParamsDeferral();

	Ed25519JcaVerifier(OctetKeyPair key, Provider provider) throws JOSEException {
		this.provider = provider;
		try {
			this.publicKey = Ed25519Jca.publicKey(key.getX().decode(), provider);
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Invalid Ed25519 public key", ex);
		}
	}

	@Override
	public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
		if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || !this.critPolicy.headerPasses(header)) {
			return false;
		}
		byte[] sig = signature.decode();
		if (sig.length != Ed25519Jca.SIGNATURE_LENGTH) {
			return false;
		}
		try {
			Signature verifier = Ed25519Jca.signature(this.provider);
			verifier.initVerify(this.publicKey);
			verifier.update(signingInput);
			return verifier.verify(sig);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// a malformed signature (for example a non-canonical point) is a failed verification
			return false;
		}
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return Set.of(JWSAlgorithm.EdDSA);
	}

	@Override
	public JCAContext getJCAContext() {
		return this.jcaContext;
	}

}
