package dev.palisade.security.autoconfigure.observation;

import dev.palisade.security.autoconfigure.observation.PalisadeObservationProperties.SpringSecurity;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/**
 * Drops the Spring Security observations {@code palisade.observations.spring-security} leaves out,
 * by name: {@code spring.security.filterchains} are the per-filter ones,
 * {@code spring.security.authentications} and {@code spring.security.authorizations} the decisions.
 */
final class SpringSecurityObservationPredicate implements ObservationPredicate {

	static final String FILTER_CHAINS = "spring.security.filterchains";

	private static final String SPRING_SECURITY = "spring.security.";

	private final SpringSecurity mode;

	SpringSecurityObservationPredicate(SpringSecurity mode) {
		this.mode = mode;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (name == null || !name.startsWith(SPRING_SECURITY)) {
			return true;
		}
		return switch (this.mode) {
			case ALL -> true;
			case DECISIONS -> !name.startsWith(FILTER_CHAINS);
			case NONE -> false;
		};
	}
}
