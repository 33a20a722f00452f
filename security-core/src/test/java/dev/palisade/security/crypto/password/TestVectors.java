package dev.palisade.security.crypto.password;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads external test-vector files from the test classpath. */
final class TestVectors {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TestVectors() {
	}

	static JsonNode load(String resource) {
		try (InputStream in = TestVectors.class.getResourceAsStream("/testvectors/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + resource);
			}
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] hex(JsonNode node) {
		return HexFormat.of().parseHex(node.asString());
	}
}
