package dev.palisade.security.autoconfigure.apikey;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a bad {@code palisade.api-keys} configuration at start-up and names the property to fix.
 */
class InvalidApiKeyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidApiKeyConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidApiKeyConfigurationException cause) {
		return new FailureAnalysis("Palisade cannot use its API key configuration: " + cause.getMessage() + " ("
				+ cause.property() + ").", cause.action(), cause);
	}
}
