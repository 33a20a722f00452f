package dev.palisade.security.token;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * EdDSA (Ed25519) JWS signer over JCA. Written here because Nimbus's Ed25519Signer needs Google Tink,
 * which Palisade does not ship.
 */
final class Ed25519JcaSigner implements JWSSigner {

	private final PrivateKey privateKey;

	private final Provider provider;

	private final JCAContext jcaContext = new JCAContext();

	Ed25519JcaSigner(OctetKeyPair key, Provider provider) throws JOSEException {
		if (key.getD() == null) {
			throw new JOSEException("The Ed25519 key has no private part");
		}
		this.provider = provider;
		try {
			this.privateKey = Ed25519Jca.privateKey(key.getD().decode(), provider);
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Invalid Ed25519 private key", ex);
		}
	}

	@Override
	public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
		if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
			throw new JOSEException("Ed25519 keys sign EdDSA only");
		}
		try {
			Signature signer = Ed25519Jca.signature(this.provider);
			signer.initSign(this.privateKey);
			signer.update(signingInput);
			return Base64URL.encode(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Ed25519 signing failed", ex);
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

	@Override
	public String toString() {
		return "Ed25519JcaSigner";
	}

}
