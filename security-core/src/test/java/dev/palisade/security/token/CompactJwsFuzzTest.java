package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the compact JWS splitter every bearer token meets first: any input either parses or is
 * refused with {@link InvalidTokenException}; nothing else may escape.
 */
class CompactJwsFuzzTest {

	@FuzzTest(maxDuration = "6s")
	void anyTokenTextParsesOrIsRefusedAsInvalid(byte[] input) {
		String token = new String(input, StandardCharsets.UTF_8);
		try {
			CompactJws.parse(token);
		}
		catch (InvalidTokenException expected) {
			// the one documented refusal
		}
	}

}
