package dev.palisade.security.autoconfigure.session;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A session-based chain for a web UI beside the stateless API ({@code palisade.session}): form
 * sign-in against the same users as the token endpoint (and their TOTP), a session cookie, CSRF
 * protection, idle and absolute timeouts, a cap on sessions per user. Sessions are Spring Session's:
 * in memory unless a SessionRepository (spring-boot-session-jdbc or -data-redis) is configured.
 *
 * @param enabled Whether to add the chain.
 * @param pathPrefix The UI's path prefix; the chain covers prefix/** and nothing else.
 * @param loginPage The sign-in page (GET renders it, POST signs in); the application serves the page.
 * @param idleTimeout A session unused this long ends.
 * @param absoluteTimeout A session this old ends, however busy.
 * @param maximumSessions Sessions one user may hold at once; a new sign-in ends the oldest.
 * @param cookieName The session cookie's name.
 * @param secureCookie Whether the cookie is sent over HTTPS only (browsers also send it to
 * http://localhost).
 * @param contentSecurityPolicy The Content-Security-Policy of the UI's pages.
 * @param oidc Sign-in through the OpenID and OAuth 2.0 providers registered under
 * {@code spring.security.oauth2.client.registration}.
 */
@ConfigurationProperties("palisade.session")
public record PalisadeSessionProperties(@DefaultValue("false") boolean enabled, @DefaultValue("/app") String pathPrefix,
		@DefaultValue("/app/login") String loginPage, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("8h") Duration absoluteTimeout, @DefaultValue("3") int maximumSessions,
		@DefaultValue("PALISADE_SESSION") String cookieName, @DefaultValue("true") boolean secureCookie,
		@DefaultValue("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'") String contentSecurityPolicy,
		@DefaultValue Oidc oidc) {

	/**
	 * Who may sign in through an outside provider, and as whom. A provider registered with Spring
	 * Boot ({@code spring.security.oauth2.client.registration.<id>}, with its {@code redirect-uri}
	 * under the path prefix: {@code "{baseUrl}/app/login/oauth2/code/{registrationId}"}) appears on
	 * the sign-in page; nobody signs in through it unless a link admits them, or an
	 * {@code ExternalIdentityLinker} bean of the application's does.
	 *
	 * @param links Rules, first match wins.
	 */
	public record Oidc(List<Link> links) {

		public Oidc {
			links = (links != null) ? List.copyOf(links) : List.of();
		}
	}

	/**
	 * People from {@code provider} whose provider id is listed, or whose verified email is in one
	 * of the domains, sign in to {@code org} with {@code roles}.
	 *
	 * @param provider The registration id (for example google).
	 * @param emailDomains Verified email domains admitted.
	 * @param subjects Provider ids admitted one by one (GitHub: the numeric user id).
	 * @param org The organisation they sign in to.
	 * @param project The project within org, if any.
	 * @param roles Their roles there.
	 */
	public record Link(String provider, List<String> emailDomains, List<String> subjects, String org, String project,
			List<String> roles) {
	}
}
