package dev.palisade.security.apikey;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the API-key parser that sees every presented {@code X-API-Key}: it never throws, and
 * whatever it accepts is a well-formed key whose id is the 22 characters after the prefix.
 */
class ApiKeyFormatFuzzTest {

	private static final ApiKeyFormat FORMAT = new ApiKeyFormat();

	@FuzzTest(maxDuration = "6s")
	void anyPresentedKeyIsParsedOrRefusedWithoutAnException(byte[] input) {
		String presented = new String(input, StandardCharsets.UTF_8);
		ApiKeyParseResult result = FORMAT.parse(presented);
		if (result.isParsed()) {
			assertThat(presented).startsWith(FORMAT.prefix() + "_");
			assertThat(result.key().keyId()).hasSize(ApiKeyFormat.KEY_ID_LENGTH);
		}
	}

}
