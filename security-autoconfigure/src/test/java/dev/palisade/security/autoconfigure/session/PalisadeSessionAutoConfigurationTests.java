package dev.palisade.security.autoconfigure.session;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeSessionAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeSessionAutoConfiguration.class))
		.withUserConfiguration(WebSecurity.class);

	@Test
	void offByDefaultSoNoSessionsAtAll() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean("palisadeSessionFilterChain");
			assertThat(context).doesNotHaveBean(SessionRepositoryFilter.class);
		});
	}

	@Test
	void onWithoutUsersStartUpFailsNamingTheProperty() {
		this.runner.withPropertyValues("palisade.session.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.session.enabled"));
	}

	@Test
	void theInMemoryRepositoryTakesTheIdleTimeout() {
		this.runner
			.withBean(dev.palisade.security.web.tokenendpoint.TokenGrantSettings.class,
					() -> new dev.palisade.security.web.tokenendpoint.TokenGrantSettings(java.util.Set.of(),
							(username) -> java.util.Optional.empty(), null, "test"))
			.withBean(dev.palisade.security.crypto.password.PasswordVerification.class,
					() -> new dev.palisade.security.crypto.password.PasswordVerification(
							dev.palisade.security.crypto.password.DelegatingPasswordHasher.createDefault()))
			.withPropertyValues("palisade.session.enabled=true", "palisade.session.idle-timeout=7m")
			.run((context) -> {
				MapSessionRepository repository = context.getBean(MapSessionRepository.class);
				assertThat(repository.createSession().getMaxInactiveInterval()).hasMinutes(7);
				assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class WebSecurity {

	}
}
