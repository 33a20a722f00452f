package dev.palisade.security.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered with Spring's test support (spring.factories): gives each test application context
 * its own audit directory, see {@link TestAuditDirectoryCustomizer}.
 */
public final class PalisadeTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestAuditDirectoryCustomizer();
	}
}
