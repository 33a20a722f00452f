package dev.palisade.sample.users;

import java.util.List;
import java.util.Set;

import dev.palisade.security.user.PalisadeUser;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's demo users ({@code sample.users}), with hashed passwords. Dev only: a real
 * service keeps users in its identity provider or database.
 *
 * @param users the demo users
 */
@ConfigurationProperties("sample")
public record DemoUserProperties(List<DemoUser> users) {

	public DemoUserProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
	}

	/**
	 * One demo user.
	 *
	 * @param username the sign-in name, also the token subject
	 * @param passwordHash the password hash with its {@code {id}} prefix
	 * @param org the user's organisation, if any
	 * @param project the user's project within {@code org}, if any
	 * @param roles the user's roles at that scope
	 * @param plan the user's rate-limit plan ({@code free}, {@code pro}), written into tokens as the
	 * {@code plan} claim; may be absent
	 */
	public record DemoUser(String username, String passwordHash, String org, String project, Set<String> roles,
			String plan) {

		public DemoUser {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		}

		PalisadeUser toPalisadeUser() {
			return new PalisadeUser(this.username, this.passwordHash, this.org, this.project, this.roles, this.plan);
		}

		@Override
		public String toString() {
			return "DemoUser[" + this.username + "]";
		}
	}
}
