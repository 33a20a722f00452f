package dev.palisade.security.audit.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.audit.AuditTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the audit line parsers the verifier and the writer's restart use on bytes an attacker
 * may have edited: the fixed-position record parser and the checkpoint parser never throw, and
 * verification of any lines ends in a result, never an exception.
 */
class AuditLineFuzzTest {

	private static final AuditVerifier VERIFIER = new AuditVerifier(AuditTestSupport.HMAC_KEY,
			AuditTestSupport.SIGNING_KEYS.getPublic());

	@FuzzTest(maxDuration = "6s")
	void anyLinesVerifyToAResultWithoutAnException(byte[] input) {
		long sequence = AuditRecordFormat.recordSequence(input, 0, input.length);
		if (sequence >= 1) {
			assertThat(AuditRecordFormat.recordKeyId(input, 0)).isNotNull();
			assertThat(AuditRecordFormat.recordPrevOffset(input, 0)).isBetween(0, input.length - 64);
		}
		String text = new String(input, StandardCharsets.UTF_8);
		int split = text.indexOf('\u0000');
		List<String> records = Arrays.asList(((split >= 0) ? text.substring(0, split) : text).split("\n"));
		List<String> checkpoints = (split >= 0) ? Arrays.asList(text.substring(split + 1).split("\n")) : List.of();
		VerificationResult result = VERIFIER.verifyLines(records.iterator(), checkpoints.iterator());
		assertThat(result).isNotNull();
	}

}
