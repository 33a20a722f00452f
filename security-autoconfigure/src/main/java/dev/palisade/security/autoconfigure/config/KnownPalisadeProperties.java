package dev.palisade.security.autoconfigure.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.json.JsonParserFactory;

/**
 * The {@code palisade.*} property names the configuration processor described in every
 * {@code META-INF/spring-configuration-metadata.json} on the class path. A name below a map or
 * list property ({@code palisade.access.roles[org:admin]}, {@code palisade.api-keys.static[0].id})
 * is known when that property is.
 */
final class KnownPalisadeProperties {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final Set<ConfigurationPropertyName> names = new HashSet<>();

	private final Set<ConfigurationPropertyName> containers = new HashSet<>();

	private final List<String> spelled;

	private KnownPalisadeProperties(List<Map<String, Object>> properties) {
		for (Map<String, Object> property : properties) {
			String name = (String) property.get("name");
			if (name == null || !name.startsWith("palisade.")) {
				continue;
			}
			ConfigurationPropertyName parsed = ConfigurationPropertyName.of(name);
			this.names.add(parsed);
			Object type = property.get("type");
			// lists, sets, maps and arrays hold names below them: [0], [key], [0].field
			if (type instanceof String typeName && (typeName.contains("<") || typeName.endsWith("[]"))) {
				this.containers.add(parsed);
			}
		}
		this.spelled = this.names.stream().map(ConfigurationPropertyName::toString).sorted().toList();
	}

	/** Reads every metadata file {@code classLoader} sees. */
	@SuppressWarnings("unchecked")
	static KnownPalisadeProperties load(ClassLoader classLoader) {
		List<Map<String, Object>> all = new java.util.ArrayList<>();
		try {
			Enumeration<URL> files = classLoader.getResources(METADATA);
			while (files.hasMoreElements()) {
				try (InputStream in = files.nextElement().openStream()) {
					Map<String, Object> metadata = JsonParserFactory.getJsonParser()
						.parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					Object properties = metadata.get("properties");
					if (properties instanceof List<?> list) {
						all.addAll((List<Map<String, Object>>) list);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the configuration metadata", ex);
		}
		return new KnownPalisadeProperties(all);
	}

	/** Whether nothing was described (a class path without Palisade's metadata: then nothing is checked). */
	boolean isEmpty() {
		return this.names.isEmpty();
	}

	/** Whether some Palisade feature reads {@code name}. */
	boolean isKnown(ConfigurationPropertyName name) {
		if (this.names.contains(name)) {
			return true;
		}
		for (ConfigurationPropertyName parent = name.getParent(); !parent.isEmpty(); parent = parent.getParent()) {
			if (this.containers.contains(parent)) {
				return true;
			}
		}
		return false;
	}

	/** The known name nearest to {@code name} in edit distance, or {@code null} when none is near. */
	String nearest(String name) {
		String best = null;
		int bestDistance = Math.max(2, name.length() / 6) + 1;
		for (String candidate : this.spelled) {
			int distance = distance(name, candidate, bestDistance);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * Levenshtein distance, giving up (returning {@code limit}) once it cannot be below {@code limit}.
	 * Written here because neither Spring nor the starter's dependencies offer one (commons-text
	 * would be a new dependency for twenty lines).
	 */
	private static int distance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) >= limit) {
			return limit;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMin = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				rowMin = Math.min(rowMin, current[j]);
			}
			if (rowMin >= limit) {
				return limit;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
