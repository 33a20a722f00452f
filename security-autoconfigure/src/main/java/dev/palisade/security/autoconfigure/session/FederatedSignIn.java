package dev.palisade.security.autoconfigure.session;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.federation.ExternalIdentityLinker;
import dev.palisade.security.web.ExternalIdentityUserServices;
import dev.palisade.security.web.FederatedSignInFailureHandler;
import dev.palisade.security.web.FederatedSignInSuccessHandler;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.ClassUtils;

/**
 * {@code oauth2Login} on the UI chain for the providers Spring Boot registered, under the chain's
 * prefix ({@code prefix/oauth2/authorization/{id}} starts a sign-in, {@code prefix/login/oauth2/code/{id}}
 * is the callback), with the {@link ExternalIdentityLinker} deciding who may sign in. Kept apart from
 * the auto-configuration so that nothing of spring-security-oauth2-client is loaded without it.
 */
final class FederatedSignIn {

	private static final boolean CLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
			FederatedSignIn.class.getClassLoader());

	private FederatedSignIn() {
	}

	/** Adds OIDC/OAuth 2.0 sign-in when the client library is present and providers are registered. */
	static void configure(HttpSecurity http, ListableBeanFactory beans, String prefix, String loginPage,
			SecurityContextRepository contexts, AuditRecorder auditRecorder) throws Exception {
		if (CLIENT_PRESENT) {
			Client.configure(http, beans, prefix, loginPage, contexts, auditRecorder);
		}
	}

	private static final class Client {

		static void configure(HttpSecurity http, ListableBeanFactory beans, String prefix, String loginPage,
				SecurityContextRepository contexts, AuditRecorder auditRecorder) throws Exception {
			ClientRegistrationRepository registrations = beans.getBeanProvider(ClientRegistrationRepository.class)
				.getIfAvailable();
			if (registrations == null) {
				return;
			}
			String callbacks = prefix + "/login/oauth2/code/";
			if (registrations instanceof Iterable<?> all) {
				for (Object each : all) {
					ClientRegistration registration = (ClientRegistration) each;
					if (!registration.getRedirectUri().contains(callbacks)) {
						throw new InvalidPalisadePropertyException(
								"spring.security.oauth2.client.registration." + registration.getRegistrationId()
										+ ".redirect-uri",
								"is outside the web UI's session chain (" + prefix + "/**)",
								"Set it to \"{baseUrl}" + callbacks + "{registrationId}\" and register that address"
										+ " with the provider.",
								null);
					}
				}
			}
			ExternalIdentityLinker linker = beans.getBean(ExternalIdentityLinker.class);
			http.oauth2Login((login) -> login.loginPage(loginPage)
				.clientRegistrationRepository(registrations)
				.authorizationEndpoint((authorization) -> authorization.baseUri(prefix + "/oauth2/authorization"))
				.redirectionEndpoint((redirection) -> redirection.baseUri(callbacks + "*"))
				.userInfoEndpoint((users) -> users.oidcUserService(ExternalIdentityUserServices.oidc(linker))
					.userService(ExternalIdentityUserServices.oauth2(linker)))
				.successHandler(new FederatedSignInSuccessHandler(contexts, prefix + "/"))
				.failureHandler(new FederatedSignInFailureHandler(auditRecorder, loginPage)));
		}
	}
}
