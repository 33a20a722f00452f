package dev.palisade.security.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TestAuditDirectoryCustomizerTests {

	private static final String CONFIG_FILE = "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'";

	@Test
	void twoContextsWithThePathOfTheApplicationsConfigFileGetTwoTemporaryDirectoriesDeletedOnClose() throws Exception {
		try (GenericApplicationContext first = context(configFile(Map.of("palisade.audit.path", "./data/audit")));
				GenericApplicationContext second = context(configFile(Map.of("palisade.audit.path", "./data/audit")))) {
			Path one = Path.of(first.getEnvironment().getProperty("palisade.audit.path"));
			Path two = Path.of(second.getEnvironment().getProperty("palisade.audit.path"));
			assertThat(one).isNotEqualTo(two).isNotEqualTo(Path.of("./data/audit"));
			assertThat(one).isDirectory();
			Files.writeString(one.resolve("audit-x.jsonl"), "{}");
			first.close();
			assertThat(one).doesNotExist();
			assertThat(two).isDirectory();
		}
	}

	@Test
	void noPathAtAllAlsoGetsATemporaryDirectory() {
		try (GenericApplicationContext context = context(null)) {
			assertThat(context.getEnvironment().getProperty("palisade.audit.path")).contains("palisade-test-audit-");
		}
	}

	@Test
	void aPathTheTestSetsIsKept() {
		try (GenericApplicationContext context = context(
				new MapPropertySource("Inlined Test Properties", Map.of("palisade.audit.path", "target/mine")))) {
			assertThat(context.getEnvironment().getProperty("palisade.audit.path")).isEqualTo("target/mine");
		}
	}

	@Test
	void theSwitchTheJdbcSinkAndADisabledLogLeaveThePathAlone() {
		for (Map<String, Object> settings : new Map[] {
				Map.of("palisade.audit.path", "./data/audit", "palisade.audit.test-context-directory", "false"),
				Map.of("palisade.audit.path", "./data/audit", "palisade.audit.sink", "jdbc"),
				Map.of("palisade.audit.path", "./data/audit", "palisade.audit.enabled", "false") }) {
			try (GenericApplicationContext context = context(configFile(settings))) {
				assertThat(context.getEnvironment().getProperty("palisade.audit.path")).as(settings.toString())
					.isEqualTo("./data/audit");
			}
		}
	}

	@Test
	void customizersAreEqualSoSpringCanCacheTheirContexts() {
		assertThat(new TestAuditDirectoryCustomizer()).isEqualTo(new TestAuditDirectoryCustomizer())
			.hasSameHashCodeAs(new TestAuditDirectoryCustomizer());
	}

	private static PropertySource<?> configFile(Map<String, Object> properties) {
		return new OriginTrackedMapPropertySource(CONFIG_FILE, properties);
	}

	private static GenericApplicationContext context(PropertySource<?> source) {
		GenericApplicationContext context = new GenericApplicationContext();
		if (source != null) {
			context.getEnvironment().getPropertySources().addLast(source);
		}
		new TestAuditDirectoryCustomizer().customizeContext(context, null);
		context.refresh();
		return context;
	}
}
