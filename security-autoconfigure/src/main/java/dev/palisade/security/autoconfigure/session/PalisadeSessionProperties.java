package dev.palisade.security.autoconfigure.session;

import java.time.Duration;

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
 */
@ConfigurationProperties("palisade.session")
public record PalisadeSessionProperties(@DefaultValue("false") boolean enabled, @DefaultValue("/app") String pathPrefix,
		@DefaultValue("/app/login") String loginPage, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("8h") Duration absoluteTimeout, @DefaultValue("3") int maximumSessions,
		@DefaultValue("PALISADE_SESSION") String cookieName, @DefaultValue("true") boolean secureCookie,
		@DefaultValue("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'") String contentSecurityPolicy) {
}
