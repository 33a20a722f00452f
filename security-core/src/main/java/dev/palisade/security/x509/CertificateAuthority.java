package dev.palisade.security.x509;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority on BouncyCastle's certificate builder, for the development PKI and
 * for tests: an ECDSA P-256 root, server certificates (serverAuth, SANs for the host names and
 * addresses given) and client certificates (clientAuth, the SANs given). Not a production CA: no
 * CRL publishing, no key protection beyond the files' permissions.
 */
public final class CertificateAuthority {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final IssuedCertificate root;

	private CertificateAuthority(IssuedCertificate root) {
		this.root = root;
	}

	/** A new self-signed root named {@code CN=commonName}, valid from {@code notBefore} for {@code lifetime}. */
	public static CertificateAuthority create(String commonName, Instant notBefore, Duration lifetime) {
		KeyPair keys = newKeyPair();
		X500Name name = new X500Name("CN=" + commonName);
		try {
			X509v3CertificateBuilder builder = builder(name, name, keys, notBefore, lifetime);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(keys.getPublic()));
			return new CertificateAuthority(new IssuedCertificate(sign(builder, keys), keys.getPrivate()));
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create a certificate authority", ex);
		}
	}

	/** A CA from an existing root and its key. */
	public static CertificateAuthority of(IssuedCertificate root) {
		return new CertificateAuthority(root);
	}

	public IssuedCertificate root() {
		return this.root;
	}

	/** A server certificate for these DNS names and IP addresses. */
	public IssuedCertificate issueServer(String commonName, List<String> dnsNames, List<InetAddress> addresses,
			Instant notBefore, Duration lifetime) {
		List<GeneralName> names = new java.util.ArrayList<>();
		dnsNames.forEach((dns) -> names.add(new GeneralName(GeneralName.dNSName, dns)));
		addresses.forEach((address) -> names.add(new GeneralName(GeneralName.iPAddress, address.getHostAddress())));
		return issue(commonName, names, KeyPurposeId.id_kp_serverAuth, notBefore, lifetime);
	}

	/**
	 * A client certificate with these subject alternative names ({@link GeneralName#uniformResourceIdentifier}
	 * for a SPIFFE id, {@link GeneralName#dNSName}, {@link GeneralName#rfc822Name}).
	 */
	public IssuedCertificate issueClient(String commonName, List<GeneralName> names, Instant notBefore,
			Duration lifetime) {
		return issue(commonName, names, KeyPurposeId.id_kp_clientAuth, notBefore, lifetime);
	}

	private IssuedCertificate issue(String commonName, List<GeneralName> names, KeyPurposeId purpose,
			Instant notBefore, Duration lifetime) {
		KeyPair keys = newKeyPair();
		try {
			X500Name issuer = X500Name.getInstance(this.root.certificate().getSubjectX500Principal().getEncoded());
			X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + commonName), keys, notBefore,
					lifetime);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(this.root.certificate()));
			if (!names.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(names.toArray(GeneralName[]::new)));
			}
			KeyPair signer = new KeyPair(this.root.certificate().getPublicKey(), this.root.privateKey());
			return new IssuedCertificate(sign(builder, signer), keys.getPrivate());
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot issue a certificate", ex);
		}
	}

	/** PEM text of a certificate or a private key (PKCS#8). */
	public static String pem(Object certificateOrKey) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject((certificateOrKey instanceof java.security.PrivateKey key)
					? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate() : certificateOrKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant notBefore,
			Duration lifetime) {
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
				Date.from(notBefore), Date.from(notBefore.plus(lifetime)), subject, keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
			throws OperatorCreationException, GeneralSecurityException {
		ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an EC key", ex);
		}
	}
}
