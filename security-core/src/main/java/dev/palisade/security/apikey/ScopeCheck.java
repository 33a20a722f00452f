package dev.palisade.security.apikey;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The permission-implication rule used to stop a key creator from granting a key more than the
 * creator holds. A scope is {@code *} or colon-separated segments such as {@code agents:read};
 * a {@code *} segment in a held permission matches any one segment, and a trailing {@code *}
 * matches the rest ({@code agents:*} implies {@code agents:runs:read}). A requested wildcard is
 * only implied by a held permission at least as wide: {@code agents:read} does not imply
 * {@code agents:*}.
 * <p>
 * Deliberately tiny and local to API keys; the access package owns the general rules.
 */
public final class ScopeCheck {

	private static final Pattern SCOPE = Pattern
		.compile("\\*|([A-Za-z0-9_.\\-]+|\\*)(:([A-Za-z0-9_.\\-]+|\\*))*");

	private static final int MAX_LENGTH = 200;

	private ScopeCheck() {
	}

	/** Whether {@code scope} is syntactically a scope (see class comment), at most 200 characters. */
	public static boolean isValid(String scope) {
		return scope != null && scope.length() <= MAX_LENGTH && SCOPE.matcher(scope).matches();
	}

	/** Whether holding {@code held} grants {@code required}. */
	public static boolean implies(String held, String required) {
		if (!isValid(held) || !isValid(required)) {
			return false;
		}
		String[] heldSegments = held.split(":");
		String[] requiredSegments = required.split(":");
		for (int i = 0; i < heldSegments.length; i++) {
			boolean last = i == heldSegments.length - 1;
			if (last && heldSegments[i].equals("*")) {
				return requiredSegments.length >= heldSegments.length;
			}
			if (i >= requiredSegments.length) {
				return false;
			}
			if (!heldSegments[i].equals("*") && !heldSegments[i].equals(requiredSegments[i])) {
				return false;
			}
		}
		return heldSegments.length == requiredSegments.length;
	}

	/** The requested scopes that no held permission implies; empty when the request is allowed. */
	public static Set<String> notGranted(Collection<String> held, Collection<String> requested) {
		Set<String> missing = new LinkedHashSet<>();
		for (String scope : requested) {
			if (held.stream().noneMatch((permission) -> implies(permission, scope))) {
				missing.add(scope);
			}
		}
		return missing;
	}

}
