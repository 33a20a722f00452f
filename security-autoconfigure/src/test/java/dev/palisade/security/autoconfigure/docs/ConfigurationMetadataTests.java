package dev.palisade.security.autoconfigure.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What an IDE shows for Palisade's properties reads as sentences and offers the valid values (issue 15). */
class ConfigurationMetadataTests {

	@Test
	void descriptionsArePlainSentencesWithoutJavadocTags() throws IOException {
		for (Map<String, Object> property : properties()) {
			String description = (String) property.getOrDefault("description", "");
			assertThat(description).as((String) property.get("name")).doesNotContain("{@")
				.matches("[A-Z].*[.:]");
		}
	}

	@Test
	void theExternalIssuerIsDescribedAsTheIssClaimNotAsTheDiscoveryUri() throws IOException {
		assertThat(description("palisade.tokens.external.issuer")).startsWith("The \"iss\" claim the provider's tokens must carry");
		assertThat(description("palisade.tokens.external.issuer-uri")).startsWith("The provider's issuer; its JWK Set");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSigningAlgorithmOffersEverySupportedAlgorithm() throws IOException {
		List<Map<String, Object>> hints = (List<Map<String, Object>>) metadata().get("hints");
		Map<String, Object> algorithm = hints.stream()
			.filter((hint) -> "palisade.tokens.signing.algorithm".equals(hint.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat((List<Map<String, Object>>) algorithm.get("values")).extracting((value) -> value.get("value"))
			.containsExactly("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
					"ES384", "EdDSA");
	}

	private static String description(String name) throws IOException {
		return properties().stream()
			.filter((property) -> name.equals(property.get("name")))
			.map((property) -> (String) property.get("description"))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> properties() throws IOException {
		return ((List<Map<String, Object>>) metadata().get("properties")).stream()
			.filter((property) -> ((String) property.get("name")).startsWith("palisade."))
			.toList();
	}

	private static Map<String, Object> metadata() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			return JsonParserFactory.getJsonParser().parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}
}
