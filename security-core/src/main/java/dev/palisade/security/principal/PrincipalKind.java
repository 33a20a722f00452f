package dev.palisade.security.principal;

import java.util.Locale;

/**
 * How a caller proved who it is. Authorization never depends on this; it is carried for
 * audit, rate-limit keys and the {@code /me} view.
 */
public enum PrincipalKind {

	/** A person who signed in and holds an access token. */
	USER,

	/** A machine identity holding an access token (client credentials, workload identity). */
	SERVICE,

	/** A caller presenting an API key. */
	API_KEY,

	/** A caller authenticated by a TLS client certificate. */
	CLIENT_CERT;

	/** The lower-case wire name, as used in the {@code kind} token claim: {@code user}, {@code api_key}... */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a wire name case-insensitively.
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static PrincipalKind fromWireName(String name) {
		for (PrincipalKind kind : values()) {
			if (kind.wireName().equalsIgnoreCase(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown principal kind");
	}
}
