package dev.palisade.security.autoconfigure.config;

import java.util.List;

/** {@code palisade.*} properties that no Palisade feature reads: most likely typos. */
public class UnknownPalisadePropertiesException extends RuntimeException {

	private final List<UnknownProperty> properties;

	UnknownPalisadePropertiesException(List<UnknownProperty> properties) {
		super("unknown Palisade properties: " + properties);
		this.properties = List.copyOf(properties);
	}

	/** The unknown properties, each with where it was set and the nearest known name. */
	public List<UnknownProperty> properties() {
		return this.properties;
	}

	/**
	 * One unknown property.
	 *
	 * @param name the name as set
	 * @param origin where it was set (a file and line when Boot knows it)
	 * @param suggestion the nearest known property, or {@code null}
	 */
	public record UnknownProperty(String name, String origin, String suggestion) {

		@Override
		public String toString() {
			return this.name + " (" + this.origin + ")" + ((this.suggestion != null) ? ", did you mean " + this.suggestion + "?" : "");
		}
	}
}
