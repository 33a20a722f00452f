package dev.palisade.security.apikey;

/**
 * The bounded set of results of verifying a presented API key, suitable as a metrics tag.
 * Every outcome except {@link #VALID} must be answered with the same 401 response, so a
 * caller never learns which part of a credential was wrong.
 */
public enum ApiKeyOutcome {

	/** Not shaped like a key of the configured format (length, prefix, separators, alphabet). */
	MALFORMED,

	/** Well shaped, but the CRC-32 checksum does not match: a typo or a guess; no store was consulted. */
	BAD_CHECKSUM,

	/** Checksum fine, but no key with this id exists. */
	UNKNOWN,

	/** A key with this id exists, but the presented secret does not match its stored HMAC. */
	WRONG_SECRET,

	/** The key is past its expiry. */
	EXPIRED,

	/** The key was revoked, or it was rotated and its grace period has ended. */
	REVOKED,

	/** The key is genuine and currently usable. */
	VALID

}
