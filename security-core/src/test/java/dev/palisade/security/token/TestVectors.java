package dev.palisade.security.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads test-vector JSON from the test classpath ({@code testvectors/...}). */
final class TestVectors {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TestVectors() {
	}

	static JsonNode load(String path) {
		try (InputStream in = TestVectors.class.getClassLoader().getResourceAsStream("testvectors/" + path)) {
			if (in == null) {
				throw new IllegalStateException("missing test vector file " + path);
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode tree(String json) {
		return MAPPER.readTree(json);
	}

	static String json(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

}
