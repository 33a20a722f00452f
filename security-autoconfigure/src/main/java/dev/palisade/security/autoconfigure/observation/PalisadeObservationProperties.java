package dev.palisade.security.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which of Spring Security's Micrometer observations run ({@code palisade.observations}).
 * Spring Security observes every filter of the chain, every authentication and every
 * authorization once an {@code ObservationRegistry} exists (any app with Actuator). Measured on the
 * sample (benchmarks/RESULTS.md), the per-filter observations alone halved the requests per second
 * of an open endpoint. Palisade's own meters ({@code palisade.audit.events} by action and result,
 * rate-limit, API-key and refresh-token meters) and Boot's {@code http.server.requests} are not
 * affected by this setting.
 *
 * @param springSecurity DECISIONS (default) keeps the authentication and authorization
 * observations and drops the per-filter ones; NONE drops all of Spring Security's observations;
 * ALL keeps Spring Security's default.
 */
@ConfigurationProperties("palisade.observations")
public record PalisadeObservationProperties(@DefaultValue("DECISIONS") SpringSecurity springSecurity) {

	/** Which Spring Security observations run. */
	public enum SpringSecurity {

		/** Every filter, authentication and authorization (Spring Security's default). */
		ALL,

		/** Authentications and authorizations, not the per-filter observations of the chain. */
		DECISIONS,

		/** None of Spring Security's observations. */
		NONE
	}
}
