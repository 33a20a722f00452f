package dev.palisade.security.refresh;

/**
 * Why a presented refresh token was not rotated. The web layer maps every value to the same
 * {@code invalid_grant} (HTTP 400) so a caller learns nothing about which check failed; the value
 * is for audit and metrics.
 */
public enum RotationFailure {

	/** Not a refresh token of this format (wrong prefix, length or alphabet); never reached the store. */
	MALFORMED,

	/** Well-formed but unknown to the store (never issued, or swept after expiry). */
	UNKNOWN,

	/** A token that was already rotated was presented again; its whole family has been revoked. */
	REUSED,

	/** The token's family was revoked. */
	REVOKED,

	/** The family was not used within the idle timeout. */
	EXPIRED_IDLE,

	/** The family reached its absolute lifetime. */
	EXPIRED_ABSOLUTE
}
