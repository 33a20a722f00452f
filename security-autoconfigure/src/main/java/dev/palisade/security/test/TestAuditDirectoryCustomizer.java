package dev.palisade.security.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.FileSystemUtils;

/**
 * Spring keeps several test application contexts alive in one JVM, and the audit file sink allows
 * one writer per directory, so a second context on {@code ./data/audit} would fail to start (and
 * every test run would write keys into the working directory). Each test context therefore gets a
 * temporary audit directory, deleted when the context closes, unless the test itself sets
 * {@code palisade.audit.path} (test properties, {@code @TestPropertySource}, system properties) or
 * {@code palisade.audit.test-context-directory=false}. A path from the application's configuration
 * files is replaced: it is the production path.
 */
final class TestAuditDirectoryCustomizer implements ContextCustomizer {

	static final String PATH = "palisade.audit.path";

	static final String SWITCH = "palisade.audit.test-context-directory";

	private static final Log logger = LogFactory.getLog(TestAuditDirectoryCustomizer.class);

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty(SWITCH, Boolean.class, true)
				|| !environment.getProperty("palisade.audit.enabled", Boolean.class, true)
				|| !"file".equalsIgnoreCase(environment.getProperty("palisade.audit.sink", "file"))
				|| setByTheTest(environment)) {
			return;
		}
		Path directory;
		try {
			directory = Files.createTempDirectory("palisade-test-audit-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a temporary audit directory for the test context", ex);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("palisadeTestAuditDirectory", Map.of(PATH, directory.toString())));
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
			// registered before every other bean, so destroyed after the audit log has closed
			beanFactory.registerDisposableBean("palisadeTestAuditDirectory", new Deletion(directory));
		}
		logger.info("Test context: the Palisade audit log and its generated keys go to " + directory
				+ " (set palisade.audit.path in the test to choose a directory)");
	}

	/** Whether the winning value of {@code palisade.audit.path} comes from anything but a config file. */
	private static boolean setByTheTest(ConfigurableEnvironment environment) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				// Boot's view over all the others, not a source of its own
				continue;
			}
			if (source instanceof EnumerablePropertySource<?> enumerable ? enumerable.containsProperty(PATH)
					: source.getProperty(PATH) != null) {
				// Boot names the property sources of application.yml / .properties "Config resource '...'"
				return !source.getName().startsWith("Config resource");
			}
		}
		return false;
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

	private record Deletion(Path directory) implements DisposableBean {

		@Override
		public void destroy() throws IOException {
			FileSystemUtils.deleteRecursively(this.directory);
		}
	}
}
