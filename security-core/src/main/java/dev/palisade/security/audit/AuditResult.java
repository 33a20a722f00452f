package dev.palisade.security.audit;

import java.util.Locale;

/** The outcome of an audited decision. */
public enum AuditResult {

	/** The action was allowed and completed. */
	SUCCESS,

	/** The action failed, for example a credential that did not verify. */
	FAILURE,

	/** An authenticated caller was refused by an access rule. */
	DENIED,

	/** A rate limit refused the call. */
	THROTTLED;

	/** The lower-case name written to the log: {@code success}, {@code denied}... */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
