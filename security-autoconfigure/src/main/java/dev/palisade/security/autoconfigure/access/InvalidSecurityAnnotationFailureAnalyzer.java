package dev.palisade.security.autoconfigure.access;

import dev.palisade.security.method.InvalidSecurityAnnotationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an invalid {@code @RequiresPermission} or {@code @RequiresRole} found at start-up. */
class InvalidSecurityAnnotationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecurityAnnotationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecurityAnnotationException cause) {
		String description = "A Palisade security annotation is invalid: " + cause.getMessage() + ".";
		String action = "Fix the annotation on " + cause.location() + ": the permission must be 'resource:action'"
				+ " without wildcards, the role must be defined in palisade.access.roles, and org/project must be SpEL"
				+ " over the method's parameters (for example org = \"#org\").";
		return new FailureAnalysis(description, action, cause);
	}
}
