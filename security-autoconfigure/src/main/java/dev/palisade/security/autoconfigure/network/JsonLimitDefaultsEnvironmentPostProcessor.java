package dev.palisade.security.autoconfigure.network;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tighter defaults for Boot's Jackson read constraints in a servlet application, since a request
 * body is input from anyone: JSON nested at most 64 deep and strings of at most 1 MiB (Jackson's own
 * defaults are 500 and 20 MB). They are the last property source, so any
 * {@code spring.jackson.factory.constraints.read.*} the application sets wins. A body over a
 * limit is a 400 problem+json ({@code dev.palisade.security.web.RequestLimitProblemAdvice}).
 */
public final class JsonLimitDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "palisadeJsonLimitDefaults";

	private static final String PREFIX = "spring.jackson.factory.constraints.read.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getWebApplicationType() != WebApplicationType.SERVLET
				|| environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE_NAME,
					Map.of(PREFIX + "max-nesting-depth", "64", PREFIX + "max-string-length", "1048576")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
