package dev.palisade.security.user;

import java.util.Optional;

/**
 * Where the token endpoint looks up the people who sign in with {@code grant_type=password}, and
 * where it looks them up again at every refresh, so that a role change takes effect at the next
 * refresh and a removed user's sign-in ends. Implement it over the application's own user table
 * or identity service.
 */
@FunctionalInterface
public interface PalisadeUserDirectory {

	/**
	 * The user with this sign-in name, as they are now.
	 * @param username the name presented; never blank
	 * @return the user, or empty when there is none (or the account may not sign in)
	 */
	Optional<PalisadeUser> findByUsername(String username);

	/**
	 * Stores a stronger hash of a password that was just verified against a hash made with weaker
	 * parameters. The default keeps the old hash, which is safe: the upgrade is tried again at the
	 * next sign-in.
	 * @param username the user who signed in
	 * @param newHash the new hash, with its {@code {id}} prefix
	 */
	default void updatePasswordHash(String username, String newHash) {
	}
}
