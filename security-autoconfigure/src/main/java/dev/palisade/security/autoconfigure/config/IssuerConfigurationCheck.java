package dev.palisade.security.autoconfigure.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Start-up checks of who issues the tokens Palisade verifies, before any bean is created:
 * <ul>
 * <li>an empty {@code palisade.tokens.issuer} fails (every token would carry {@code iss: ""});</li>
 * <li>an unset one is logged, since the default {@code palisade} is the same for every service;</li>
 * <li>Boot's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}
 * fails: Palisade's chain verifies bearer tokens itself and would silently not use Boot's decoder,
 * so tokens of that provider would be refused while the setting suggests they are accepted.</li>
 * </ul>
 */
public final class IssuerConfigurationCheck implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	private static final Log logger = LogFactory.getLog(IssuerConfigurationCheck.class);

	private static final String[] BOOT_RESOURCE_SERVER = { "spring.security.oauth2.resourceserver.jwt.issuer-uri",
			"spring.security.oauth2.resourceserver.jwt.jwk-set-uri" };

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment == null || !this.environment.getProperty("palisade.tokens.enabled", Boolean.class, true)) {
			return;
		}
		for (String property : BOOT_RESOURCE_SERVER) {
			if (this.environment.containsProperty(property)) {
				String palisade = property.replace("spring.security.oauth2.resourceserver.jwt.", "palisade.tokens.external.");
				throw new InvalidPalisadePropertyException(property,
						"is set, but Palisade verifies bearer tokens itself and would not use Spring Boot's resource-server"
								+ " decoder, so that provider's tokens would be refused",
						"Move the value to " + palisade + " and name the audiences the provider's tokens carry in"
								+ " palisade.tokens.external.audiences (with jwk-set-uri also palisade.tokens.external.issuer);"
								+ " then remove " + property + ".",
						null);
			}
		}
		String issuer = this.environment.getProperty("palisade.tokens.issuer");
		if (issuer == null) {
			logger.warn("palisade.tokens.issuer is not set: issued tokens carry \"iss\": \"palisade\", the same in every"
					+ " service that uses the default. Set it to this service's URL, for example https://auth.example.com.");
		}
		else if (issuer.isBlank()) {
			throw new InvalidPalisadePropertyException("palisade.tokens.issuer",
					"is empty, so issued tokens would name no issuer",
					"Set palisade.tokens.issuer to this service's URL, for example https://auth.example.com, or remove it"
							+ " to use the default \"palisade\".",
					null);
		}
	}
}
