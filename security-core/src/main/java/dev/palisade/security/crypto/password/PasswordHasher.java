package dev.palisade.security.crypto.password;

/**
 * One-way password hashing with upgrade detection. The shape mirrors Spring Security's
 * {@code PasswordEncoder} ({@code encode}, {@code matches}, {@code upgradeEncoding}) so the
 * Spring layer adapts it with a one-line delegate, while this module stays framework-free.
 * <p>
 * Contract for every implementation in this package:
 * <ul>
 * <li>{@link #hash} refuses unusable input (too long, not valid Unicode) with
 * {@link PasswordRejectedException}, before any hashing work;</li>
 * <li>{@link #matches} never throws for bad stored data or bad input: a malformed, truncated,
 * foreign or out-of-bounds stored hash, a {@code null} argument or a refused password all give
 * {@code false};</li>
 * <li>hash bytes are compared in constant time.</li>
 * </ul>
 */
public interface PasswordHasher {

	/**
	 * Hashes a password with a fresh random salt and the configured parameters.
	 * @param raw the password
	 * @return the self-describing encoded hash (parameters, salt and hash)
	 * @throws PasswordRejectedException if the password is too long or not valid Unicode
	 */
	String hash(CharSequence raw);

	/**
	 * Checks a password against a stored hash, using the parameters stored in the hash.
	 * @param raw the password presented at sign-in
	 * @param encoded the stored hash
	 * @return {@code true} only if the password produces the stored hash
	 */
	boolean matches(CharSequence raw, String encoded);

	/**
	 * Whether a stored hash should be replaced by {@link #hash} of the same password after the
	 * next successful {@link #matches}: its parameters are weaker than the configured ones, or
	 * it cannot be read at all.
	 * @param encoded the stored hash
	 * @return {@code true} if the hash should be upgraded
	 */
	boolean needsRehash(String encoded);
}
