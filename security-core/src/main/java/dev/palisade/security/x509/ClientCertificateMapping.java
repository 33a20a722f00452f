package dev.palisade.security.x509;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * One client of {@link ClientCertificateMapper}: certificates whose {@code match} field equals
 * {@code value} are the principal {@code subject} in {@code org}/{@code project} with {@code roles}.
 * SAN values compare exactly (DNS names and email domains without regard to case); a subject DN
 * compares in its RFC 2253 canonical form, so spacing and attribute case do not matter.
 *
 * @param name the mapping's name: metric tags and the certificate report use it, never the DN
 * @param match which field of the certificate identifies the client
 * @param value what that field must hold (for example {@code spiffe://acme/agents/runner})
 * @param subject the principal's subject ({@code null}: the matched value)
 * @param org the organisation, or {@code null} for a platform-wide client
 * @param project the project within {@code org}, or {@code null}
 * @param roles the client's roles
 */
public record ClientCertificateMapping(String name, Match match, String value, String subject, String org,
		String project, Set<String> roles) {

	public ClientCertificateMapping {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(match, "match");
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("a mapping needs a value to match");
		}
		if (match == Match.SUBJECT_DN) {
			// throws IllegalArgumentException for a DN that does not parse
			value = new X500Principal(value).getName(X500Principal.CANONICAL);
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	/** The certificate field a mapping matches on. */
	public enum Match {

		/** A URI subject alternative name, for example a SPIFFE id. */
		SAN_URI,

		/** A DNS subject alternative name. */
		SAN_DNS,

		/** An email (rfc822Name) subject alternative name. */
		SAN_EMAIL,

		/** The subject distinguished name. */
		SUBJECT_DN;

		boolean equal(String expected, String actual) {
			return switch (this) {
				case SAN_URI, SUBJECT_DN -> expected.equals(actual);
				case SAN_DNS -> expected.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
				case SAN_EMAIL -> emailEquals(expected, actual);
			};
		}

		private static boolean emailEquals(String expected, String actual) {
			int a = expected.lastIndexOf('@');
			int b = actual.lastIndexOf('@');
			return a > 0 && b > 0 && expected.substring(0, a).equals(actual.substring(0, b))
					&& expected.substring(a + 1).equalsIgnoreCase(actual.substring(b + 1));
		}
	}
}
