package dev.palisade.security.user;

import java.util.Objects;
import java.util.Set;

/**
 * A person who may sign in at the token endpoint, as the application's user directory knows them
 * now. {@link #toString()} leaves the password hash out.
 *
 * @param username the sign-in name, also the token subject
 * @param passwordHash the password hash with its {@code {id}} prefix (for example {@code {argon2id}...})
 * @param org the user's organisation, or {@code null} for a platform-scope user
 * @param project the user's project within {@code org}, or {@code null}
 * @param roles the user's roles at that scope
 * @param plan the user's rate-limit plan, written into tokens as the {@code plan} claim, or {@code null}
 */
public record PalisadeUser(String username, String passwordHash, String org, String project, Set<String> roles,
		String plan) {

	public PalisadeUser {
		Objects.requireNonNull(username, "username");
		if (username.isBlank()) {
			throw new IllegalArgumentException("username must not be blank");
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	/** The same user with another password hash (after an upgrade on sign-in). */
	public PalisadeUser withPasswordHash(String newHash) {
		return new PalisadeUser(this.username, newHash, this.org, this.project, this.roles, this.plan);
	}

	@Override
	public String toString() {
		return "PalisadeUser[" + this.username + "]";
	}
}
