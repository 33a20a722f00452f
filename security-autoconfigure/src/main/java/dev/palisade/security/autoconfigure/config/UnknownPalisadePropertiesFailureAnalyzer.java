package dev.palisade.security.autoconfigure.config;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Lists each unknown {@code palisade.*} property with where it was set and the name it was probably meant as. */
class UnknownPalisadePropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnknownPalisadePropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownPalisadePropertiesException cause) {
		String list = cause.properties()
			.stream()
			.map((property) -> "    " + property)
			.collect(Collectors.joining(System.lineSeparator()));
		return new FailureAnalysis(
				"Palisade does not know these properties, so they would have no effect:" + System.lineSeparator() + list,
				"Fix the names (the list of properties is in the IDE's completion and in the README), or set"
						+ " palisade.configuration.unknown-properties=warn to start anyway with a warning.",
				cause);
	}
}
