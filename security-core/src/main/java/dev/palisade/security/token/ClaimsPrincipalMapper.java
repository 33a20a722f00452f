package dev.palisade.security.token;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * Maps verified JWT claims to a {@link PalisadePrincipal}. Roles come from a JSON list or a space/comma
 * separated string; permissions from the permissions claim, or from the space separated {@code scope}
 * claim when that is absent; the kind from the kind claim (default {@code user}). Public so that tokens
 * from external identity providers, decoded elsewhere, map to the same principal model.
 * <p>
 * A token authenticates a user or a service, nothing else: a kind claim of {@code api_key} or
 * {@code client_cert} is refused. Those kinds come only from how the caller authenticated (an API
 * key, a client certificate); otherwise a token carrying {@code kind: api_key} and a victim key's id
 * as {@code sub} would spend that key's rate-limit budget and be audited as the key.
 */
public final class ClaimsPrincipalMapper {

	private final ClaimNames names;

	public ClaimsPrincipalMapper(ClaimNames names) {
		this.names = Objects.requireNonNull(names, "names");
	}

	/**
	 * Builds the principal.
	 * @throws IllegalArgumentException if {@code sub} is missing or a claim has an unusable type (for
	 * example a number where a list of strings is expected, or an unknown kind)
	 */
	public PalisadePrincipal map(Map<String, Object> claims) {
		Object sub = claims.get("sub");
		if (!(sub instanceof String subject) || subject.isBlank()) {
			throw new IllegalArgumentException("token has no subject");
		}
		Set<String> roles = strings(claims.get(this.names.roles()), "roles");
		Object permissionsClaim = claims.get(this.names.permissions());
		Set<String> permissions = (permissionsClaim != null) ? strings(permissionsClaim, "permissions")
				: strings(claims.get(this.names.scope()), "scope");
		PrincipalKind kind = PrincipalKind.USER;
		Object kindClaim = claims.get(this.names.kind());
		if (kindClaim != null) {
			if (!(kindClaim instanceof String kindName)) {
				throw new IllegalArgumentException("kind claim is not a string");
			}
			kind = PrincipalKind.fromWireName(kindName);
			if (kind != PrincipalKind.USER && kind != PrincipalKind.SERVICE) {
				throw new IllegalArgumentException("a token cannot carry the credential kind " + kind.wireName());
			}
		}
		String org = optionalString(claims.get(this.names.org()), "org");
		String project = optionalString(claims.get(this.names.project()), "project");
		return new PalisadePrincipal(subject, kind, org, project, roles, permissions);
	}

	private static String optionalString(Object value, String what) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new IllegalArgumentException(what + " claim is not a string");
		}
		return text.isBlank() ? null : text;
	}

	private static Set<String> strings(Object value, String what) {
		Set<String> out = new LinkedHashSet<>();
		if (value == null) {
			return out;
		}
		if (value instanceof String text) {
			for (String part : text.split("[\\s,]+")) {
				if (!part.isEmpty()) {
					out.add(part);
				}
			}
			return out;
		}
		if (value instanceof Collection<?> items) {
			for (Object item : items) {
				if (!(item instanceof String text)) {
					throw new IllegalArgumentException(what + " claim holds a non-string value");
				}
				if (!text.isBlank()) {
					out.add(text);
				}
			}
			return out;
		}
		throw new IllegalArgumentException(what + " claim is neither a string nor a list");
	}

}
