package dev.palisade.security.web.tokenendpoint;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The application's {@link UserDetailsService} as a {@link PalisadeUserDirectory}: each authority
 * becomes a role (Spring's {@code ROLE_} prefix removed), and the user has no org, project or plan,
 * so roles apply at platform scope. A disabled, locked or expired account is treated as unknown
 * (same answer, same cost). Define a {@link PalisadeUserDirectory} bean to give users a tenant.
 * Upgraded hashes are stored when the service is also a {@link UserDetailsPasswordService}.
 */
public final class UserDetailsServiceUserDirectory implements PalisadeUserDirectory {

	private static final String ROLE_PREFIX = "ROLE_";

	private final UserDetailsService users;

	public UserDetailsServiceUserDirectory(UserDetailsService users) {
		this.users = users;
	}

	@Override
	public Optional<PalisadeUser> findByUsername(String username) {
		UserDetails details = load(username);
		if (details == null || !details.isEnabled() || !details.isAccountNonLocked() || !details.isAccountNonExpired()
				|| !details.isCredentialsNonExpired()) {
			return Optional.empty();
		}
		Set<String> roles = new LinkedHashSet<>();
		for (GrantedAuthority authority : details.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && !name.isBlank()) {
				roles.add(name.startsWith(ROLE_PREFIX) ? name.substring(ROLE_PREFIX.length()) : name);
			}
		}
		return Optional.of(new PalisadeUser(details.getUsername(), details.getPassword(), null, null, roles, null));
	}

	@Override
	public void updatePasswordHash(String username, String newHash) {
		if (this.users instanceof UserDetailsPasswordService passwords) {
			UserDetails details = load(username);
			if (details != null) {
				passwords.updatePassword(details, newHash);
			}
		}
	}

	private UserDetails load(String username) {
		try {
			return this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "UserDetailsServiceUserDirectory[" + this.users.getClass().getName() + "]";
	}
}
