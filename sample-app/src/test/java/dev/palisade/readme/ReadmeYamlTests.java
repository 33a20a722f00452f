package dev.palisade.readme;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code palisade.*} property in every YAML block of the README is one the starter
 * describes in its configuration metadata (a name below a list or map property counting as
 * known), so a renamed or misspelled property in the README fails the build. The Quick-start and
 * sample blocks are also run ({@link ReadmeQuickStartTests}, the sample's own application.yml).
 */
class ReadmeYamlTests {

	@Test
	void everyPalisadePropertyInTheReadmeIsKnown() throws IOException {
		Map<String, String> known = knownProperties();
		List<String> blocks = ReadmeSnippets.blocks("# Palisade", "yaml");
		assertThat(blocks).hasSizeGreaterThan(8);
		List<String> unknown = new ArrayList<>();
		for (String block : blocks) {
			Object document = new Yaml().load(block);
			List<String> names = new ArrayList<>();
			flatten("", document, names);
			for (String name : names) {
				if (name.startsWith("palisade.") && !isKnown(name, known)) {
					unknown.add(name);
				}
			}
		}
		assertThat(unknown).as("README properties the starter does not know").isEmpty();
	}

	private static boolean isKnown(String name, Map<String, String> known) {
		if (known.containsKey(name)) {
			return true;
		}
		for (Map.Entry<String, String> property : known.entrySet()) {
			String type = property.getValue();
			boolean container = type != null && (type.startsWith("java.util.List") || type.startsWith("java.util.Map")
					|| type.startsWith("java.util.Set") || type.endsWith("[]"));
			if (container && (name.startsWith(property.getKey() + ".") || name.startsWith(property.getKey() + "["))) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object node, List<String> names) {
		if (node instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), names);
			}
		}
		else if (node instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), names);
			}
		}
		else if (!prefix.isEmpty()) {
			names.add(prefix);
		}
	}

	/** Every property and group name in the starter's metadata, with its type. */
	private static Map<String, String> knownProperties() throws IOException {
		Map<String, String> known = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(
				ReadmeYamlTests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = json.readTree(in);
				for (String section : List.of("groups", "properties")) {
					for (JsonNode item : metadata.path(section)) {
						known.put(item.path("name").asString(), item.path("type").asString(null));
					}
				}
			}
		}
		return known;
	}
}
