package dev.palisade.security.autoconfigure.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the property and the fix for every {@link InvalidPalisadePropertyException}. */
class InvalidPalisadePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPalisadePropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPalisadePropertyException cause) {
		return new FailureAnalysis("Palisade cannot start: " + cause.getMessage() + ".", cause.action(), cause);
	}
}
