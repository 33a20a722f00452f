package dev.palisade.security.autoconfigure.tokenendpoint;

import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.user.ServiceAccountDirectory;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Matches when the token endpoint has someone to sign in: a user directory, a
 * {@link UserDetailsService}, a service-account directory, or configured clients.
 */
class OnSignInSourceCondition extends AnyNestedCondition {

	OnSignInSourceCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBean(PalisadeUserDirectory.class)
	static class UserDirectory {

	}

	@ConditionalOnBean(UserDetailsService.class)
	static class UserDetails {

	}

	@ConditionalOnBean(ServiceAccountDirectory.class)
	static class ServiceAccounts {

	}

	@Conditional(OnConfiguredClientsCondition.class)
	static class ConfiguredClients {

	}
}
