package dev.palisade.security.token;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * Reads a PEM key (PKCS#8, SEC1 "EC PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY", SubjectPublicKeyInfo or an
 * X.509 certificate) with BouncyCastle's PEMParser and turns it into a Nimbus JWK. The public part of a
 * private key is derived from it, so a PKCS#8 file alone is enough. Error messages never echo the input.
 */
final class PemKeys {

	private static final String P256_OID = "1.2.840.10045.3.1.7";

	private static final String P384_OID = "1.3.132.0.34";

	private static final String P521_OID = "1.3.132.0.35";

	private PemKeys() {
	}

	static JWK read(String pem) {
		Object object;
		try (PEMParser parser = new PEMParser(new StringReader(pem))) {
			object = parser.readObject();
			while (object instanceof ASN1ObjectIdentifier) {
				// "EC PARAMETERS" block before the key, as openssl ecparam -genkey writes it
				object = parser.readObject();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable("the PEM text could not be parsed");
		}
		try {
			if (object instanceof PEMKeyPair pair) {
				PrivateKeyInfo info = pair.getPrivateKeyInfo();
				if (info.getPrivateKeyAlgorithm().getParameters() == null && pair.getPublicKeyInfo() != null) {
					// SEC1 without the optional curve parameters: take them from the embedded public key
					info = new PrivateKeyInfo(pair.getPublicKeyInfo().getAlgorithm(), info.parsePrivateKey());
				}
				return privateJwk(info);
			}
			if (object instanceof PrivateKeyInfo info) {
				return privateJwk(info);
			}
			if (object instanceof SubjectPublicKeyInfo info) {
				return publicJwk(info);
			}
			if (object instanceof X509CertificateHolder certificate) {
				return publicJwk(certificate.getSubjectPublicKeyInfo());
			}
			if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
				throw unreadable("encrypted PEM keys are not supported; store the key unencrypted in a secret store");
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidKeyConfigurationException invalid) {
				throw invalid;
			}
			throw unreadable("the PEM key could not be decoded");
		}
		throw unreadable("no private key, public key or certificate found in the PEM text");
	}

	private static JWK privateJwk(PrivateKeyInfo info) throws IOException {
		AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
		if (key instanceof RSAPrivateCrtKeyParameters rsa) {
			return new RSAKey.Builder(b64(rsa.getModulus()), b64(rsa.getPublicExponent())).privateExponent(b64(rsa.getExponent()))
				.firstPrimeFactor(b64(rsa.getP()))
				.secondPrimeFactor(b64(rsa.getQ()))
				.firstFactorCRTExponent(b64(rsa.getDP()))
				.secondFactorCRTExponent(b64(rsa.getDQ()))
				.firstCRTCoefficient(b64(rsa.getQInv()))
				.build();
		}
		if (key instanceof ECPrivateKeyParameters ec) {
			Curve curve = curve(info.getPrivateKeyAlgorithm());
			ECPoint q = ec.getParameters().getG().multiply(ec.getD()).normalize();
			int fieldSize = ec.getParameters().getCurve().getFieldSize();
			return new ECKey.Builder(curve, ECKey.encodeCoordinate(fieldSize, q.getAffineXCoord().toBigInteger()),
					ECKey.encodeCoordinate(fieldSize, q.getAffineYCoord().toBigInteger()))
				.d(ECKey.encodeCoordinate(fieldSize, ec.getD()))
				.build();
		}
		if (key instanceof Ed25519PrivateKeyParameters ed) {
			return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(ed.generatePublicKey().getEncoded()))
				.d(Base64URL.encode(ed.getEncoded()))
				.build();
		}
		throw unreadable("unsupported private key type; use RSA, EC P-256/P-384 or Ed25519");
	}

	private static JWK publicJwk(SubjectPublicKeyInfo info) throws IOException {
		AsymmetricKeyParameter key = PublicKeyFactory.createKey(info);
		if (key instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
			return new RSAKey.Builder(b64(rsa.getModulus()), b64(rsa.getExponent())).build();
		}
		if (key instanceof ECPublicKeyParameters ec) {
			Curve curve = curve(info.getAlgorithm());
			ECPoint q = ec.getQ().normalize();
			int fieldSize = ec.getParameters().getCurve().getFieldSize();
			return new ECKey.Builder(curve, ECKey.encodeCoordinate(fieldSize, q.getAffineXCoord().toBigInteger()),
					ECKey.encodeCoordinate(fieldSize, q.getAffineYCoord().toBigInteger()))
				.build();
		}
		if (key instanceof Ed25519PublicKeyParameters ed) {
			return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(ed.getEncoded())).build();
		}
		throw unreadable("unsupported public key type; use RSA, EC P-256/P-384 or Ed25519");
	}

	private static Curve curve(AlgorithmIdentifier algorithm) {
		X962Parameters params = X962Parameters.getInstance(algorithm.getParameters());
		if (!params.isNamedCurve()) {
			throw unreadable("EC keys must use a named curve (P-256 or P-384), not explicit parameters");
		}
		String oid = ASN1ObjectIdentifier.getInstance(params.getParameters()).getId();
		return switch (oid) {
			case P256_OID -> Curve.P_256;
			case P384_OID -> Curve.P_384;
			case P521_OID -> Curve.P_521;
			default -> throw unreadable("unsupported EC curve " + oid + "; use P-256 or P-384");
		};
	}

	private static Base64URL b64(BigInteger value) {
		return Base64URL.encode(value);
	}

	private static InvalidKeyConfigurationException unreadable(String what) {
		return new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY, "Unreadable token key: " + what);
	}

}
