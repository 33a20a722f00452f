package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.file.AuditLogFiles;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;

import static dev.palisade.security.audit.AuditTestSupport.HMAC_KEY;
import static dev.palisade.security.audit.AuditTestSupport.SIGNING_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

/** Every tamper kind of the issue, detected with the right first broken sequence and reason. */
class AuditTamperDetectionTest {

	private static final int RECORDS = 30;

	@TempDir
	Path dir;

	private Path logFile;

	private final AuditVerifier verifier = new AuditVerifier(HMAC_KEY, SIGNING_KEYS.getPublic());

	private final AuditVerifier thirdParty = AuditVerifier.withPublicKeyOnly(SIGNING_KEYS.getPublic());

	@BeforeEach
	void writeLog() throws IOException {
		writeLog(this.dir, HMAC_KEY, SIGNING_KEYS.getPrivate());
		this.logFile = AuditLogFiles.recordFiles(this.dir).get(0);
	}

	static void writeLog(Path directory, byte[] hmacKey, java.security.PrivateKey signingKey) throws IOException {
		JsonLinesFileSink sink = new JsonLinesFileSink(directory, RotationPolicy.never(), Clock.systemUTC());
		try (AuditLog log = AuditLog.builder(sink, hmacKey)
			.signingKey(signingKey)
			.durability(Durability.SYNC)
			.checkpointEvery(10)
			.open()) {
			for (int i = 1; i <= RECORDS; i++) {
				log.append(AuditTestSupport.event(i));
			}
		}
	}

	@Test
	void intactLogVerifiesWithBothKeys() throws IOException {
		VerificationResult result = this.verifier.verifyDirectory(this.dir);
		assertThat(result.intact()).as(result.summary()).isTrue();
		assertThat(result.verifiedRecords()).isEqualTo(RECORDS);
		assertThat(result.verifiedCheckpoints()).isEqualTo(3);
		assertThat(result.summary()).isEqualTo("OK: verified 30 records, 3 checkpoints");
	}

	@Test
	void checkpointsVerifyWithThePublicKeyAlone() throws IOException {
		VerificationResult result = this.thirdParty.verifyDirectory(this.dir);
		assertThat(result.intact()).as(result.summary()).isTrue();
		assertThat(result.verifiedCheckpoints()).isEqualTo(3);
	}

	@Test
	void editedFieldIsMacMismatchAtThatRecord() throws IOException {
		List<String> lines = lines();
		lines.set(4, lines.get(4).replace("\"result\":\"success\"", "\"result\":\"denied\""));
		write(lines);
		assertBroken(this.verifier, 5, FailureReason.MAC_MISMATCH);
	}

	@Test
	void editedFieldWithoutHmacKeyBreaksTheHashChainAtTheNextRecord() throws IOException {
		List<String> lines = lines();
		lines.set(4, lines.get(4).replace("\"result\":\"success\"", "\"result\":\"denied\""));
		write(lines);
		assertBroken(this.thirdParty, 6, FailureReason.PREVIOUS_HASH_MISMATCH);
	}

	@Test
	void deletedLineIsSequenceGap() throws IOException {
		List<String> lines = lines();
		lines.remove(6);
		write(lines);
		assertBroken(this.verifier, 7, FailureReason.SEQUENCE_GAP);
	}

	@Test
	void insertedForgedLineIsMacMismatchAtItsPosition() throws IOException {
		List<String> lines = lines();
		String forged = lines.get(7).replace("\"action\":\"apikey.authenticate\"", "\"action\":\"apikey.revoke\"");
		lines.add(7, forged);
		write(lines);
		assertBroken(this.verifier, 8, FailureReason.MAC_MISMATCH);
	}

	@Test
	void insertedCopyOfAnOlderLineIsSequenceReorder() throws IOException {
		List<String> lines = lines();
		lines.add(7, lines.get(2));
		write(lines);
		assertBroken(this.verifier, 8, FailureReason.SEQUENCE_REORDER);
	}

	@Test
	void swappedLinesAreSequenceReorder() throws IOException {
		List<String> lines = lines();
		Collections.swap(lines, 11, 12);
		write(lines);
		assertBroken(this.verifier, 12, FailureReason.SEQUENCE_REORDER);
		assertBroken(this.thirdParty, 12, FailureReason.SEQUENCE_REORDER);
	}

	@Test
	void truncationAfterACheckpointIsDetected() throws IOException {
		write(lines().subList(0, 15));
		assertBroken(this.verifier, 16, FailureReason.TRUNCATED_AFTER_CHECKPOINT);
		assertBroken(this.thirdParty, 16, FailureReason.TRUNCATED_AFTER_CHECKPOINT);
	}

	@Test
	void truncationInsideALineAfterACheckpointIsNotExcusedAsATornWrite() throws IOException {
		byte[] content = Files.readAllBytes(this.logFile);
		Files.write(this.logFile, java.util.Arrays.copyOf(content, content.length - 20));
		assertBroken(this.verifier, 30, FailureReason.TRUNCATED_AFTER_CHECKPOINT);
	}

	@Test
	void rechainedForgeryWithoutTheKeysIsDetected(@TempDir Path forgeryDir) throws IOException {
		// the attacker rewrites the whole log with a chain of their own, MACed and signed with their keys
		var attackerKeys = dev.palisade.security.audit.AuditKeys.generateSigningKeyPair();
		writeLog(forgeryDir, AuditTestSupport.ATTACKER_HMAC_KEY, attackerKeys.getPrivate());
		Files.copy(AuditLogFiles.recordFiles(forgeryDir).get(0), this.logFile,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path checkpoints = AuditLogFiles.checkpointFile(this.dir);
		Files.copy(AuditLogFiles.checkpointFile(forgeryDir), checkpoints,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		assertBroken(this.verifier, 1, FailureReason.MAC_MISMATCH);
		assertBroken(this.thirdParty, 10, FailureReason.CHECKPOINT_SIGNATURE_INVALID);
	}

	@Test
	void rechainedForgeryKeepingTheGenuineCheckpointsIsAHeadMismatch(@TempDir Path forgeryDir) throws IOException {
		writeLog(forgeryDir, AuditTestSupport.ATTACKER_HMAC_KEY, null);
		Files.copy(AuditLogFiles.recordFiles(forgeryDir).get(0), this.logFile,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertBroken(this.thirdParty, 10, FailureReason.CHECKPOINT_HEAD_MISMATCH);
	}

	@Test
	void editedCheckpointIsAnInvalidSignature() throws IOException {
		Path checkpoints = AuditLogFiles.checkpointFile(this.dir);
		List<String> lines = new ArrayList<>(Files.readAllLines(checkpoints));
		lines.set(1, lines.get(1).replace("\"cp\":20", "\"cp\":19"));
		Files.write(checkpoints, lines);
		assertBroken(this.verifier, 19, FailureReason.CHECKPOINT_SIGNATURE_INVALID);
	}

	@Test
	void tornLastLineIsReportedAsTornWriteNotTampering() throws IOException {
		List<String> lines = lines();
		String partial = lines.get(0).substring(0, 40);
		Files.writeString(this.logFile, partial, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		VerificationResult result = this.verifier.verifyDirectory(this.dir);
		assertThat(result.reason()).isEqualTo(FailureReason.TORN_WRITE);
		assertThat(result.firstBrokenSequence()).isEqualTo(31);
		assertThat(result.verifiedRecords()).isEqualTo(RECORDS);
		assertThat(result.tampered()).isFalse();
	}

	@Test
	void garbageLineIsMalformedRecord() throws IOException {
		List<String> lines = lines();
		lines.add(3, "{\"hello\":\"world\"}");
		write(lines);
		assertBroken(this.verifier, 4, FailureReason.MALFORMED_RECORD);
	}

	@Test
	void recordsAndCheckpointsFromTwoLogsDoNotMix(@TempDir Path otherDir) throws IOException {
		// a genuine checkpoint file from another log signed with the same key still fails: heads differ
		writeLog(otherDir, HMAC_KEY, SIGNING_KEYS.getPrivate());
		Files.copy(AuditLogFiles.checkpointFile(otherDir), AuditLogFiles.checkpointFile(this.dir),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertBroken(this.verifier, 10, FailureReason.CHECKPOINT_HEAD_MISMATCH);
	}

	private void assertBroken(AuditVerifier verifier, long sequence, FailureReason reason) throws IOException {
		VerificationResult result = verifier.verifyDirectory(this.dir);
		assertThat(result.reason()).as(result.summary()).isEqualTo(reason);
		assertThat(result.firstBrokenSequence()).as(result.summary()).isEqualTo(sequence);
		assertThat(result.tampered()).isTrue();
		assertThat(result.summary()).startsWith("verified ").contains("first broken sequence " + sequence + ": " + reason);
	}

	private List<String> lines() throws IOException {
		return new ArrayList<>(Files.readAllLines(this.logFile, StandardCharsets.UTF_8));
	}

	private void write(List<String> lines) throws IOException {
		Files.write(this.logFile, lines, StandardCharsets.UTF_8);
	}
}
