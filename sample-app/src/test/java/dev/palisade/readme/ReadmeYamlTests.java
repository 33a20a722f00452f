package dev.palisade.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.autoconfigure.config.PalisadePropertyNameCheck;
import dev.palisade.security.autoconfigure.config.UnknownPalisadePropertiesException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code palisade.*} property in every YAML block of the README passes the starter's own
 * start-up name check ({@link PalisadePropertyNameCheck}, on Boot's YAML loading), so a renamed or
 * misspelled property in the README fails the build. The Quick-start block is also run
 * ({@link ReadmeQuickStartTests}).
 */
class ReadmeYamlTests {

	@Test
	void everyPalisadePropertyInTheReadmeIsKnown() throws IOException {
		List<String> blocks = ReadmeSnippets.blocks("# Palisade", "yaml");
		assertThat(blocks).hasSizeGreaterThan(8);
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < blocks.size(); i++) {
			StandardEnvironment environment = new StandardEnvironment();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("README yaml block " + (i + 1),
					new ByteArrayResource(blocks.get(i).getBytes(StandardCharsets.UTF_8)))) {
				environment.getPropertySources().addFirst(source);
			}
			PalisadePropertyNameCheck check = new PalisadePropertyNameCheck();
			check.setEnvironment(environment);
			try {
				check.postProcessBeanFactory(new DefaultListableBeanFactory());
			}
			catch (UnknownPalisadePropertiesException ex) {
				ex.properties().forEach((property) -> unknown.add(property.name()));
			}
		}
		assertThat(unknown).as("README properties the starter does not know").isEmpty();
	}
}
