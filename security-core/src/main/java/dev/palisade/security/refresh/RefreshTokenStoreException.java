package dev.palisade.security.refresh;

/**
 * A refresh-token store backend failed (database or Redis unreachable, constraint violation).
 * The operation did not take effect; callers must treat the token as not rotated (fail closed).
 * Stores only ever see token hashes, so messages and causes hold no token.
 */
public final class RefreshTokenStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RefreshTokenStoreException(String message, Throwable cause) {
		super(message, cause);
	}

	public RefreshTokenStoreException(String message) {
		super(message);
	}
}
