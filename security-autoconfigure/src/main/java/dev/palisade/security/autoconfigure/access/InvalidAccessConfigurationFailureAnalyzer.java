package dev.palisade.security.autoconfigure.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a bad {@code palisade.access} configuration at start-up and names the property to fix. */
class InvalidAccessConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAccessConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAccessConfigurationException cause) {
		String description = "Palisade's access control configuration is invalid: " + cause.getMessage() + ".";
		String action = "Fix " + cause.property() + ". Permissions are 'resource:action' (letters, digits, '.', '_',"
				+ " '-'; '*' as a whole part grants all), a role named in palisade.access.hierarchy or a rule must be"
				+ " defined under palisade.access.roles (in YAML as \"[org:admin]\": [...]), the hierarchy must not"
				+ " loop, and each rule needs a pattern and exactly one of permission, role or access.";
		return new FailureAnalysis(description, action, cause);
	}
}
