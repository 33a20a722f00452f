package dev.palisade.security.web;

import dev.palisade.security.access.ReasonCode;

/**
 * How a denial across tenants is answered: 403 like any other denial, or 404 so that a caller
 * cannot probe which org, project or resource ids exist elsewhere.
 */
public enum CrossTenantStatus {

	/** 403 Forbidden, like every denial. */
	FORBIDDEN,

	/** 404 Not Found when the caller's bindings are all in other orgs or other projects. */
	NOT_FOUND;

	/**
	 * Whether a denial for {@code reason} is answered as not found: only with {@link #NOT_FOUND},
	 * and only for {@link ReasonCode#DENIED_OTHER_TENANT} and {@link ReasonCode#DENIED_OTHER_PROJECT}.
	 */
	public boolean concealsAsNotFound(ReasonCode reason) {
		return this == NOT_FOUND
				&& (reason == ReasonCode.DENIED_OTHER_TENANT || reason == ReasonCode.DENIED_OTHER_PROJECT);
	}
}
