package dev.palisade.security.audit.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.file.AuditLogFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierMainTest {

	@TempDir
	Path dir;

	private Path logDir;

	private Path hmacKeyFile;

	private Path publicKeyFile;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void writeLog() throws IOException {
		this.logDir = this.dir.resolve("log");
		AuditTamperDetectionTest.writeLog(this.logDir, AuditTestSupport.HMAC_KEY,
				AuditTestSupport.SIGNING_KEYS.getPrivate());
		this.hmacKeyFile = Files.writeString(this.dir.resolve("hmac.key"), AuditKeys.toBase64(AuditTestSupport.HMAC_KEY));
		this.publicKeyFile = Files.writeString(this.dir.resolve("audit.pub.pem"),
				AuditKeys.toPem(AuditTestSupport.SIGNING_KEYS.getPublic()));
	}

	@Test
	void intactLogPrintsOkAndExitsZero() {
		assertThat(run(this.logDir.toString(), "--hmac-key-file", this.hmacKeyFile.toString(), "--public-key-file",
				this.publicKeyFile.toString())).isEqualTo(AuditVerifierMain.EXIT_OK);
		assertThat(stdout()).isEqualTo("OK: verified 30 records, 3 checkpoints\n");
	}

	@Test
	void aLogThatSpansAKeyRotationVerifiesWithOneKeyFilePerKeyId() throws IOException {
		byte[] newKey = new byte[32];
		java.util.Arrays.fill(newKey, (byte) 5);
		java.security.KeyPair newSigning = AuditKeys.generateSigningKeyPair();
		dev.palisade.security.crypto.keyring.Keyring<javax.crypto.SecretKey> macKeys = dev.palisade.security.crypto.keyring.Keyring
			.of(dev.palisade.security.audit.AuditRecordFormat.DEFAULT_KEY_ID, AuditKeys.hmacKey(AuditTestSupport.HMAC_KEY))
			.withAdded("k2", AuditKeys.hmacKey(newKey))
			.withPrimary("k2");
		var sink = new dev.palisade.security.audit.file.JsonLinesFileSink(this.logDir,
				dev.palisade.security.audit.file.RotationPolicy.never(), java.time.Clock.systemUTC());
		try (var log = dev.palisade.security.audit.AuditLog.builder(sink, macKeys)
			.signingKeys(dev.palisade.security.crypto.keyring.Keyring.of("s2", newSigning.getPrivate()))
			.open()) {
			log.append(AuditTestSupport.event(31));
		}
		Path newKeyFile = Files.writeString(this.dir.resolve("k2.key"), AuditKeys.toBase64(newKey));
		Path newPublicFile = Files.writeString(this.dir.resolve("s2.pub.pem"), AuditKeys.toPem(newSigning.getPublic()));

		assertThat(run(this.logDir.toString(), "--hmac-key-file", this.hmacKeyFile.toString(), "--hmac-key-file",
				"k2=" + newKeyFile, "--public-key-file", this.publicKeyFile.toString(), "--public-key-file",
				"s2=" + newPublicFile)).isEqualTo(AuditVerifierMain.EXIT_OK);
		assertThat(stdout()).isEqualTo("OK: verified 31 records, 4 checkpoints\n");
		this.out.reset();
		assertThat(run(this.logDir.toString(), "--hmac-key-file", this.hmacKeyFile.toString()))
			.isEqualTo(AuditVerifierMain.EXIT_TAMPERED);
		assertThat(stdout()).startsWith("verified 30 records; first broken sequence 31: UNKNOWN_KEY");
	}

	@Test
	void tamperedLogPrintsTheFirstBrokenSequenceAndExitsOne() throws IOException {
		Path file = AuditLogFiles.recordFiles(this.logDir).get(0);
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		lines.remove(9);
		Files.write(file, lines);
		assertThat(run(this.logDir.toString(), "--hmac-key-file", this.hmacKeyFile.toString()))
			.isEqualTo(AuditVerifierMain.EXIT_TAMPERED);
		assertThat(stdout()).startsWith("verified 9 records; first broken sequence 10: SEQUENCE_GAP");
	}

	@Test
	void tornLastLineIsReportedButExitsZero() throws IOException {
		Path file = AuditLogFiles.recordFiles(this.logDir).get(0);
		Files.writeString(file, "{\"seq\":31,\"pr", StandardOpenOption.APPEND);
		assertThat(run(this.logDir.toString(), "--public-key-file", this.publicKeyFile.toString()))
			.isEqualTo(AuditVerifierMain.EXIT_OK);
		assertThat(stdout()).startsWith("verified 30 records; first broken sequence 31: TORN_WRITE");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("record MACs are not checked");
	}

	@Test
	void anEmptyDirectoryIsNoRecordsNotIntact() throws IOException {
		Path empty = Files.createDirectory(this.dir.resolve("empty"));
		assertThat(run(empty.toString(), "--hmac-key-file", this.hmacKeyFile.toString()))
			.isEqualTo(AuditVerifierMain.EXIT_NO_RECORDS);
		assertThat(stdout()).startsWith("NO RECORDS");
		this.out.reset();
		assertThat(run(empty.toString(), "--min-sequence", "1")).isEqualTo(AuditVerifierMain.EXIT_TAMPERED);
		assertThat(stdout()).contains("SHORTER_THAN_EXPECTED");
	}

	@Test
	void aLogCutShortTogetherWithItsCheckpointFileIsCaughtByAnExpectedHeadKeptElsewhere() throws IOException {
		Path keptElsewhere = Files.copy(AuditLogFiles.checkpointFile(this.logDir), this.dir.resolve("kept.jsonl"));
		Path file = AuditLogFiles.recordFiles(this.logDir).get(0);
		Files.write(file, Files.readAllLines(file).subList(0, 12));
		Path checkpoints = AuditLogFiles.checkpointFile(this.logDir);
		Files.write(checkpoints, Files.readAllLines(checkpoints).subList(0, 1));
		String[] keys = { "--hmac-key-file", this.hmacKeyFile.toString(), "--public-key-file",
				this.publicKeyFile.toString() };

		assertThat(run(concat(keys, this.logDir.toString()))).as("the hole the options close")
			.isEqualTo(AuditVerifierMain.EXIT_OK);
		this.out.reset();
		assertThat(run(concat(keys, this.logDir.toString(), "--expect-checkpoint", keptElsewhere.toString())))
			.isEqualTo(AuditVerifierMain.EXIT_TAMPERED);
		assertThat(stdout()).startsWith("verified 12 records; first broken sequence 13: TRUNCATED_AFTER_CHECKPOINT")
			.contains("expected checkpoint kept.jsonl");
		this.out.reset();
		assertThat(run(concat(keys, this.logDir.toString(), "--min-sequence", "30")))
			.isEqualTo(AuditVerifierMain.EXIT_TAMPERED);
		assertThat(stdout()).startsWith("verified 12 records; first broken sequence 13: SHORTER_THAN_EXPECTED");
		this.out.reset();
		assertThat(run(concat(keys, this.logDir.toString(), "--min-sequence", "12"))).isEqualTo(AuditVerifierMain.EXIT_OK);
	}

	@Test
	void aRewrittenChainDoesNotMatchTheExpectedCheckpoint() throws IOException {
		String expected = Files.readAllLines(AuditLogFiles.checkpointFile(this.logDir)).get(2);
		Path forged = this.dir.resolve("forged");
		AuditTamperDetectionTest.writeLog(forged, AuditTestSupport.ATTACKER_HMAC_KEY,
				AuditKeys.generateSigningKeyPair().getPrivate());
		VerificationResult result = new AuditVerifier(java.util.Map.of(), java.util.Map.of())
			.expectingCheckpoint(expected, "kept")
			.verifyDirectory(forged);
		assertThat(result.reason()).as(result.summary()).isEqualTo(FailureReason.CHECKPOINT_HEAD_MISMATCH);
		assertThat(result.location()).isEqualTo("kept");
	}

	@Test
	void anExpectedCheckpointMustBeACheckpointLine() throws IOException {
		Path notACheckpoint = Files.writeString(this.dir.resolve("nope.jsonl"), "{\"cp\":\"x\"}\n");
		assertThat(run(this.logDir.toString(), "--expect-checkpoint", notACheckpoint.toString()))
			.isEqualTo(AuditVerifierMain.EXIT_USAGE);
		assertThat(run(this.logDir.toString(), "--min-sequence", "-4")).isEqualTo(AuditVerifierMain.EXIT_USAGE);
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	@Test
	void badArgumentsExitTwo() throws IOException {
		assertThat(run()).isEqualTo(AuditVerifierMain.EXIT_USAGE);
		assertThat(run(this.dir.resolve("missing").toString())).isEqualTo(AuditVerifierMain.EXIT_USAGE);
		Path shortKey = Files.writeString(this.dir.resolve("short.key"), "c2hvcnQ=");
		assertThat(run(this.logDir.toString(), "--hmac-key-file", shortKey.toString()))
			.isEqualTo(AuditVerifierMain.EXIT_USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).doesNotContain("c2hvcnQ");
	}

	private int run(String... args) {
		return AuditVerifierMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}
}
