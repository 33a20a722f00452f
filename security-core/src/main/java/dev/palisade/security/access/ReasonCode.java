package dev.palisade.security.access;

/**
 * Why a decision was made, for the audit log. Each code is either an allow or a deny; the
 * response to the caller must not reveal it beyond 401/403.
 */
public enum ReasonCode {

	/** A project-scoped role binding on the target project grants the permission. */
	ALLOWED_PROJECT_ROLE(true),

	/** An org-scoped role binding on the target's org grants the permission. */
	ALLOWED_ORG_ROLE(true),

	/** A platform-scoped role binding grants the permission. */
	ALLOWED_PLATFORM_ROLE(true),

	/** A permission granted directly to the subject (for example an API key scope) at a covering scope. */
	ALLOWED_DIRECT_PERMISSION(true),

	/** The path is declared public. */
	ALLOWED_PUBLIC(true),

	/** The rule (or the default policy) only needs an authenticated caller, and there is one. */
	ALLOWED_AUTHENTICATED(true),

	/** No caller is authenticated and the resource is not public. */
	DENIED_UNAUTHENTICATED(false),

	/** The subject holds bindings that reach the target, but none grants the permission. */
	DENIED_NO_PERMISSION(false),

	/** The subject's bindings are all in other orgs than the target's. */
	DENIED_OTHER_TENANT(false),

	/** The subject's bindings in the target's org are all on other projects. */
	DENIED_OTHER_PROJECT(false),

	/**
	 * The subject's bindings are narrower than the target: a project binding for an org-level
	 * resource, or an org binding for a platform-level resource.
	 */
	DENIED_INSUFFICIENT_SCOPE(false),

	/** No URL rule and no annotation covers the endpoint, and the default policy is deny. */
	DENIED_NO_RULE(false),

	/** A rule explicitly denies every caller. */
	DENIED_BY_RULE(false);

	private final boolean allowed;

	ReasonCode(boolean allowed) {
		this.allowed = allowed;
	}

	/** Whether this code means access is granted. */
	public boolean allowed() {
		return this.allowed;
	}
}
