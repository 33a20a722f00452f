package dev.palisade.security.web;

import dev.palisade.security.access.AccessDecision;
import dev.palisade.security.access.ReasonCode;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A Spring Security decision made by Palisade's access model: it keeps the {@link ReasonCode}
 * (for audit) and whether a denial is to be answered 404 instead of 403. Spring Security hands it
 * to the access-denied handler inside {@code AuthorizationDeniedException}, for URL rules and
 * method annotations alike.
 */
public final class PalisadeAuthorizationDecision extends AuthorizationDecision {

	private static final long serialVersionUID = 1L;

	private final ReasonCode reason;

	private final boolean concealAsNotFound;

	private PalisadeAuthorizationDecision(ReasonCode reason, boolean concealAsNotFound) {
		super(reason.allowed());
		this.reason = reason;
		this.concealAsNotFound = concealAsNotFound;
	}

	/** The Spring form of a decision, with the cross-tenant answer applied. */
	public static PalisadeAuthorizationDecision of(AccessDecision decision, CrossTenantStatus crossTenantStatus) {
		ReasonCode reason = decision.reason();
		return new PalisadeAuthorizationDecision(reason, crossTenantStatus.concealsAsNotFound(reason));
	}

	/** Why access was granted or refused. */
	public ReasonCode reason() {
		return this.reason;
	}

	/** Whether the denial must be answered 404 rather than 403. */
	public boolean concealAsNotFound() {
		return this.concealAsNotFound;
	}

	@Override
	public String toString() {
		return "PalisadeAuthorizationDecision[" + this.reason + "]";
	}
}
