package dev.palisade.sample.users;

import java.util.List;
import java.util.Set;

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
	 * @param permissions explicit permissions carried in the user's tokens (for example
	 * {@code api-keys:manage}); role-derived permissions come from the access model
	 */
	public record DemoUser(String username, String passwordHash, String org, String project, Set<String> roles,
			Set<String> permissions) {

		public DemoUser {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
			permissions = (permissions != null) ? Set.copyOf(permissions) : Set.of();
		}

		@Override
		public String toString() {
			return "DemoUser[" + this.username + "]";
		}
	}
}
