package dev.palisade.security.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * RFC 5280's syntax for email names, which the JDK's path validator does not check: an rfc822Name
 * SAN is one mailbox ({@code local@domain}, one {@code @}); an rfc822Name name constraint is a
 * mailbox, a host or a {@code .domain}, never more than one {@code @}. A certificate that breaks
 * either is refused rather than matched loosely. Name constraints are parsed with BouncyCastle.
 */
final class EmailNames {

	private static final int RFC822 = 1;

	private static final String NAME_CONSTRAINTS = "2.5.29.30";

	private EmailNames() {
	}

	static boolean wellFormed(X509Certificate certificate) {
		try {
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			if (names == null) {
				return true;
			}
			for (List<?> name : names) {
				if (name.get(0) instanceof Integer kind && kind == RFC822 && !mailbox(String.valueOf(name.get(1)))) {
					return false;
				}
			}
			return true;
		}
		catch (CertificateParsingException ex) {
			return false;
		}
	}

	static boolean constraintsWellFormed(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(NAME_CONSTRAINTS);
		if (extension == null) {
			return true;
		}
		try {
			NameConstraints constraints = NameConstraints.getInstance(ASN1OctetString.getInstance(extension).getOctets());
			return subtreesWellFormed(constraints.getPermittedSubtrees())
					&& subtreesWellFormed(constraints.getExcludedSubtrees());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return false;
		}
	}

	private static boolean subtreesWellFormed(GeneralSubtree[] subtrees) {
		if (subtrees == null) {
			return true;
		}
		for (GeneralSubtree subtree : subtrees) {
			GeneralName base = subtree.getBase();
			if (base.getTagNo() == GeneralName.rfc822Name) {
				String value = base.getName().toString();
				if (value.isEmpty() || value.indexOf('@') != value.lastIndexOf('@')) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean mailbox(String value) {
		int at = value.indexOf('@');
		return at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1;
	}

}
