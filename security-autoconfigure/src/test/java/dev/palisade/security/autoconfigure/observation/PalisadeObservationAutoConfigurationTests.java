package dev.palisade.security.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Spring Security observations reach Boot's registry, per {@code palisade.observations.spring-security}. */
class PalisadeObservationAutoConfigurationTests {

	// a registry without a handler makes every observation a no-op; this one accepts all
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ObservationAutoConfiguration.class, PalisadeObservationAutoConfiguration.class))
		.withBean("acceptingHandler", ObservationHandler.class, () -> (ObservationHandler<Observation.Context>) (c) -> true);

	private static boolean runs(ObservationRegistry registry, String name) {
		Observation observation = Observation.start(name, registry);
		observation.stop();
		return !observation.isNoop();
	}

	@Test
	void byDefaultThePerFilterObservationsAreDroppedAndTheDecisionsKept() {
		this.contextRunner.run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			assertThat(runs(registry, "spring.security.filterchains")).isFalse();
			assertThat(runs(registry, "spring.security.authentications")).isTrue();
			assertThat(runs(registry, "spring.security.authorizations")).isTrue();
			assertThat(runs(registry, "http.server.requests")).isTrue();
		});
	}

	@Test
	void noneDropsEverySpringSecurityObservationAndNothingElse() {
		this.contextRunner.withPropertyValues("palisade.observations.spring-security=none").run((context) -> {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			assertThat(runs(registry, "spring.security.authorizations")).isFalse();
			assertThat(runs(registry, "spring.security.filterchains")).isFalse();
			assertThat(runs(registry, "http.server.requests")).isTrue();
		});
	}

	@Test
	void springSecurityIsToldNotToWrapWhatIsDropped() {
		this.contextRunner.run((context) -> {
			SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
			assertThat(settings.shouldObserveRequests()).isFalse();
			assertThat(settings.shouldObserveAuthentications()).isTrue();
			assertThat(settings.shouldObserveAuthorizations()).isTrue();
		});
		this.contextRunner.withPropertyValues("palisade.observations.spring-security=none").run((context) -> {
			SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);
			assertThat(settings.shouldObserveRequests()).isFalse();
			assertThat(settings.shouldObserveAuthentications()).isFalse();
			assertThat(settings.shouldObserveAuthorizations()).isFalse();
		});
		this.contextRunner.withPropertyValues("palisade.observations.spring-security=all")
			.run((context) -> assertThat(context.getBean(SecurityObservationSettings.class).shouldObserveRequests())
				.isTrue());
	}

	@Test
	void anApplicationsOwnSettingsWin() {
		this.contextRunner.withBean(SecurityObservationSettings.class, SecurityObservationSettings::noObservations)
			.run((context) -> assertThat(context.getBean(SecurityObservationSettings.class).shouldObserveAuthorizations())
				.isFalse());
	}

	@Test
	void allKeepsSpringSecuritysDefault() {
		this.contextRunner.withPropertyValues("palisade.observations.spring-security=all")
			.run((context) -> assertThat(runs(context.getBean(ObservationRegistry.class), "spring.security.filterchains"))
				.isTrue());
	}
}
