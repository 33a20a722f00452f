package dev.palisade.security.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * What to put into a new access token.
 *
 * @param subject the {@code sub} claim
 * @param kind principal kind, written as the {@code kind} claim
 * @param org organisation scope, or {@code null}
 * @param project project scope within {@code org}, or {@code null}
 * @param roles role names
 * @param permissions permissions (also written space-joined as {@code scope})
 * @param ttl lifetime override, or {@code null} for the configured TTL
 * @param extraClaims further claims to write (for example the caller's rate-limit {@code plan}); values
 * are strings, numbers or booleans (and {@code cnf} an object of strings, see {@link #boundToCertificate}); names may not be registered JWT claims or the configured
 * principal claim names (the issuer refuses them); empty by default
 */
public record AccessTokenRequest(String subject, PrincipalKind kind, String org, String project, Set<String> roles,
		Set<String> permissions, Duration ttl, Map<String, Object> extraClaims) {

	/** Registered JWT claims (RFC 7519 section 4.1) that an extra claim may never replace. */
	static final Set<String> REGISTERED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

	private static final String CONFIRMATION = "cnf";

	public AccessTokenRequest {
		Objects.requireNonNull(subject, "subject");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("subject must not be blank");
		}
		kind = (kind != null) ? kind : PrincipalKind.USER;
		if (kind != PrincipalKind.USER && kind != PrincipalKind.SERVICE) {
			// the verifier refuses such a token: an API key or a certificate is its own credential
			throw new IllegalArgumentException("an access token is issued to a user or a service, not to " + kind.wireName());
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		permissions = (permissions != null) ? Set.copyOf(permissions) : Set.of();
		if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
			throw new IllegalArgumentException("ttl must be positive");
		}
		extraClaims = copyExtraClaims(extraClaims);
	}

	/** A request without extra claims (the shape before extra claims existed). */
	public AccessTokenRequest(String subject, PrincipalKind kind, String org, String project, Set<String> roles,
			Set<String> permissions, Duration ttl) {
		this(subject, kind, org, project, roles, permissions, ttl, Map.of());
	}

	private static Map<String, Object> copyExtraClaims(Map<String, Object> claims) {
		if (claims == null || claims.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		claims.forEach((name, value) -> {
			if (name == null || name.isBlank() || REGISTERED_CLAIMS.contains(name)) {
				throw new IllegalArgumentException("an extra claim needs a name that is not a registered JWT claim");
			}
			if (CONFIRMATION.equals(name) && value instanceof Map<?, ?> confirmation) {
				copy.put(name, confirmation(confirmation));
				return;
			}
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new IllegalArgumentException("an extra claim value must be a string, a number or a boolean");
			}
			copy.put(name, value);
		});
		return java.util.Collections.unmodifiableMap(copy);
	}

	/** {@code cnf} (RFC 7800): the one extra claim whose value is an object of strings. */
	private static Map<String, String> confirmation(Map<?, ?> members) {
		Map<String, String> copy = new LinkedHashMap<>();
		members.forEach((member, value) -> {
			if (!(member instanceof String name) || !(value instanceof String text)) {
				throw new IllegalArgumentException("the cnf claim holds string members only");
			}
			copy.put(name, text);
		});
		return java.util.Collections.unmodifiableMap(copy);
	}

	/**
	 * The same request bound to a client certificate (RFC 8705): {@code cnf} with that certificate's
	 * {@code x5t#S256}; a resource server then accepts the token only over a TLS connection that
	 * presents the certificate.
	 */
	public AccessTokenRequest boundToCertificate(String x5tS256) {
		Map<String, Object> claims = new LinkedHashMap<>(this.extraClaims);
		claims.put(CONFIRMATION, Map.of("x5t#S256", x5tS256));
		return withExtraClaims(claims);
	}

	/** A request for the given principal with the configured TTL. */
	public static AccessTokenRequest of(PalisadePrincipal principal) {
		return new AccessTokenRequest(principal.subject(), principal.kind(), principal.org(), principal.project(),
				principal.roles(), principal.permissions(), null);
	}

	/** A copy with a TTL override. */
	public AccessTokenRequest withTtl(Duration ttl) {
		return new AccessTokenRequest(this.subject, this.kind, this.org, this.project, this.roles, this.permissions,
				ttl, this.extraClaims);
	}

	/** A copy with further claims (replacing any extra claims set before). */
	public AccessTokenRequest withExtraClaims(Map<String, ?> extraClaims) {
		return new AccessTokenRequest(this.subject, this.kind, this.org, this.project, this.roles, this.permissions,
				this.ttl, (extraClaims != null) ? new LinkedHashMap<>(extraClaims) : null);
	}

}
