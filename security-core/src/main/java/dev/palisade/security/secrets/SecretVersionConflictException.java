package dev.palisade.security.secrets;

/**
 * A check-and-set write found another current version than the writer expected: someone else wrote
 * first, and nothing was overwritten. A 409.
 */
public class SecretVersionConflictException extends SecretStoreException {

	private static final long serialVersionUID = 1L;

	private final SecretPath path;

	private final long expectedVersion;

	public SecretVersionConflictException(SecretPath path, long expectedVersion) {
		super("The secret " + path + " is not at version " + expectedVersion + " (expected by the writer); nothing was written");
		this.path = path;
		this.expectedVersion = expectedVersion;
	}

	public SecretPath path() {
		return this.path;
	}

	public long expectedVersion() {
		return this.expectedVersion;
	}

}
