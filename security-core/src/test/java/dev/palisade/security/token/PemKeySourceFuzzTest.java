package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;

/**
 * Fuzzes the PEM loader that reads configured key files: any text yields keys or is refused with
 * {@link InvalidKeyConfigurationException}; nothing else may escape.
 */
class PemKeySourceFuzzTest {

	@FuzzTest(maxDuration = "6s")
	void anyPemTextLoadsOrIsRefusedAsAnInvalidKey(byte[] input) {
		String pem = new String(input, StandardCharsets.UTF_8);
		for (JWSAlgorithm algorithm : new JWSAlgorithm[] { JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.EdDSA }) {
			try {
				PemKeySource.of(pem, null, algorithm).load();
			}
			catch (InvalidKeyConfigurationException expected) {
				// the one documented refusal
			}
		}
	}

}
