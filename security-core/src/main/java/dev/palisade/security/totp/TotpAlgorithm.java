package dev.palisade.security.totp;

/** The HMAC of a TOTP code (RFC 6238 section 1.2); authenticator apps expect {@link #SHA1}. */
public enum TotpAlgorithm {

	/** HMAC-SHA-1, the default every authenticator app supports. */
	SHA1("HmacSHA1"),

	/** HMAC-SHA-256. */
	SHA256("HmacSHA256"),

	/** HMAC-SHA-512. */
	SHA512("HmacSHA512");

	private final String jcaName;

	TotpAlgorithm(String jcaName) {
		this.jcaName = jcaName;
	}

	String jcaName() {
		return this.jcaName;
	}
}
