package dev.palisade.security.autoconfigure.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.security.autoconfigure.config.PalisadeConfigurationProperties.UnknownProperties;
import dev.palisade.security.autoconfigure.config.UnknownPalisadePropertiesException.UnknownProperty;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses {@code palisade.*} properties that no feature reads, before any bean is created: a
 * misspelt {@code palisade.audit.durabilty} would otherwise be silently ignored. Runs as a bean
 * factory post-processor so that it reports before anything the typo might have broken.
 * Environment variables are not checked (their names are only a mapping of the real ones).
 */
public final class PalisadePropertyNameCheck implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	private static final Log logger = LogFactory.getLog(PalisadePropertyNameCheck.class);

	private ConfigurableEnvironment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (environment instanceof ConfigurableEnvironment configurable) ? configurable : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment == null) {
			return;
		}
		UnknownProperties mode = Binder.get(this.environment)
			.bind("palisade.configuration.unknown-properties", UnknownProperties.class)
			.orElse(UnknownProperties.FAIL);
		if (mode == UnknownProperties.IGNORE) {
			return;
		}
		ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
				: getClass().getClassLoader();
		List<UnknownProperty> unknown = unknownProperties(this.environment, KnownPalisadeProperties.load(classLoader));
		if (unknown.isEmpty()) {
			return;
		}
		if (mode == UnknownProperties.WARN) {
			logger.warn("Palisade does not know these properties, so they have no effect: " + unknown);
			return;
		}
		throw new UnknownPalisadePropertiesException(unknown);
	}

	static List<UnknownProperty> unknownProperties(ConfigurableEnvironment environment, KnownPalisadeProperties known) {
		if (known.isEmpty()) {
			return List.of();
		}
		Map<String, UnknownProperty> unknown = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| source instanceof SystemEnvironmentPropertySource
					|| !(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String key : enumerable.getPropertyNames()) {
				if (!key.startsWith("palisade.") || unknown.containsKey(key)) {
					continue;
				}
				ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
				if (name.isEmpty() || !known.isKnown(name)) {
					Origin origin = OriginLookup.getOrigin(source, key);
					unknown.put(key, new UnknownProperty(key, (origin != null) ? origin.toString() : source.getName(),
							known.nearest(name.toString())));
				}
			}
		}
		return new ArrayList<>(unknown.values());
	}
}
