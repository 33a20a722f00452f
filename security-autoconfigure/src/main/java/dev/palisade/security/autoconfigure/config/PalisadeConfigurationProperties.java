package dev.palisade.security.autoconfigure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Palisade treats its own configuration ({@code palisade.configuration}).
 *
 * @param unknownProperties What a palisade.* property that no feature reads (a typo) does
 * at start-up: FAIL (default) stops start-up naming it and the nearest known name, WARN logs the
 * same and starts, IGNORE says nothing.
 */
@ConfigurationProperties("palisade.configuration")
public record PalisadeConfigurationProperties(@DefaultValue("FAIL") UnknownProperties unknownProperties) {

	/** What an unknown {@code palisade.*} property does. */
	public enum UnknownProperties {

		/** Start-up fails, naming the property. */
		FAIL,

		/** A warning names the property; start-up goes on. */
		WARN,

		/** Nothing. */
		IGNORE
	}
}
