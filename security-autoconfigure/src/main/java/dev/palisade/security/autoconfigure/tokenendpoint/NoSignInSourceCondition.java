package dev.palisade.security.autoconfigure.tokenendpoint;

import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.user.ServiceAccountDirectory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Matches when the token endpoint has nobody to sign in: the opposite of {@link OnSignInSourceCondition}. */
class NoSignInSourceCondition extends NoneNestedConditions {

	NoSignInSourceCondition() {
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
