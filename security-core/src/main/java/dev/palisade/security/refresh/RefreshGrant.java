package dev.palisade.security.refresh;

import java.util.Map;
import java.util.Objects;

/**
 * What a refresh-token family stands for: the sign-in it was issued for, carried unchanged from
 * token to token so the next access token can be minted without another look-up.
 *
 * @param subject the caller the family belongs to
 * @param org the organisation scope, or {@code null}
 * @param project the project scope within {@code org}, or {@code null}
 * @param attributes a small set of opaque values the access-token issuer needs (for example the
 * principal kind or a role snapshot); at most {@value #MAX_ATTRIBUTES} entries
 */
public record RefreshGrant(String subject, String org, String project, Map<String, String> attributes) {

	/** The most attributes a grant may carry; families are stored on every backend. */
	public static final int MAX_ATTRIBUTES = 32;

	public RefreshGrant {
		Objects.requireNonNull(subject, "subject");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("subject must not be blank");
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
		if (attributes.size() > MAX_ATTRIBUTES) {
			throw new IllegalArgumentException("at most " + MAX_ATTRIBUTES + " attributes");
		}
	}

	/** A grant with no tenant scope and no attributes. */
	public static RefreshGrant of(String subject) {
		return new RefreshGrant(subject, null, null, Map.of());
	}
}
