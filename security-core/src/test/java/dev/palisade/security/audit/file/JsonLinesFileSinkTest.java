package dev.palisade.security.audit.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.MutableClock;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.FailureReason;
import dev.palisade.security.audit.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.palisade.security.audit.AuditTestSupport.HMAC_KEY;
import static dev.palisade.security.audit.AuditTestSupport.SIGNING_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesFileSinkTest {

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T23:59:00Z"));

	private final AuditVerifier verifier = new AuditVerifier(HMAC_KEY, SIGNING_KEYS.getPublic());

	@Test
	void sizeRotationLinksEachNewFileToTheLastHashOfThePreviousOne() throws IOException {
		write(RotationPolicy.bySize(4096), 40);
		List<Path> files = AuditLogFiles.recordFiles(this.dir);
		assertThat(files).hasSizeGreaterThan(2);
		for (int i = 1; i < files.size(); i++) {
			List<String> previous = Files.readAllLines(files.get(i - 1));
			String lastLine = previous.get(previous.size() - 1);
			String firstLine = Files.readAllLines(files.get(i)).get(0);
			byte[] last = lastLine.getBytes(StandardCharsets.UTF_8);
			assertThat(firstLine).contains("\"prev\":\"" + AuditRecordFormat.hashHex(last, 0, last.length) + "\"");
			assertThat(Files.size(files.get(i - 1))).isLessThanOrEqualTo(4096);
		}
		assertThat(this.verifier.verifyDirectory(this.dir).summary()).isEqualTo("OK: verified 40 records, 1 checkpoints");
	}

	@Test
	void deletingAWholeRotatedFileIsASequenceGap() throws IOException {
		write(RotationPolicy.bySize(4096), 40);
		List<Path> files = AuditLogFiles.recordFiles(this.dir);
		long firstOfSecond = AuditRecordFormat.recordSequence(Files.readAllBytes(files.get(1)), 0,
				Files.readAllLines(files.get(1)).get(0).getBytes(StandardCharsets.UTF_8).length);
		Files.delete(files.get(1));
		VerificationResult result = this.verifier.verifyDirectory(this.dir);
		assertThat(result.reason()).isEqualTo(FailureReason.SEQUENCE_GAP);
		assertThat(result.firstBrokenSequence()).isEqualTo(firstOfSecond);
	}

	@Test
	void dailyRotationStartsANewSortableFileWhenTheDayChanges() throws IOException {
		JsonLinesFileSink sink = new JsonLinesFileSink(this.dir, RotationPolicy.defaults(), this.clock);
		try (AuditLog log = AuditLog.builder(sink, HMAC_KEY).clock(this.clock).open()) {
			log.append(AuditTestSupport.event(1));
			this.clock.advance(Duration.ofMinutes(2));
			log.append(AuditTestSupport.event(2));
		}
		assertThat(AuditLogFiles.recordFiles(this.dir)).extracting((file) -> file.getFileName().toString())
			.containsExactly("audit-20250601-00000000000000000001.jsonl", "audit-20250602-00000000000000000002.jsonl");
		assertThat(this.verifier.verifyDirectory(this.dir).intact()).isTrue();
	}

	@Test
	void reopeningContinuesTheChain() throws IOException {
		write(RotationPolicy.never(), 5);
		write(RotationPolicy.never(), 5);
		VerificationResult result = this.verifier.verifyDirectory(this.dir);
		assertThat(result.summary()).isEqualTo("OK: verified 10 records, 2 checkpoints");
	}

	@Test
	void reopeningAfterATornWriteCutsTheTornLineAndContinues() throws IOException {
		write(RotationPolicy.never(), 5);
		Path file = AuditLogFiles.recordFiles(this.dir).get(0);
		Files.writeString(file, "{\"seq\":6,\"prev\":\"ab", StandardOpenOption.APPEND);
		Files.writeString(AuditLogFiles.checkpointFile(this.dir), "{\"cp\":6,", StandardOpenOption.APPEND);
		assertThat(this.verifier.verifyDirectory(this.dir).reason()).isEqualTo(FailureReason.TORN_WRITE);
		write(RotationPolicy.never(), 3);
		assertThat(this.verifier.verifyDirectory(this.dir).summary()).isEqualTo("OK: verified 8 records, 2 checkpoints");
	}

	@Test
	void aSecondWriterOnTheSameDirectoryIsRefusedUntilTheFirstCloses() throws IOException {
		JsonLinesFileSink first = new JsonLinesFileSink(this.dir, RotationPolicy.never(), this.clock);
		JsonLinesFileSink second = new JsonLinesFileSink(this.dir, RotationPolicy.never(), this.clock);
		try (AuditLog log = AuditLog.builder(first, HMAC_KEY).clock(this.clock).open()) {
			log.append(AuditTestSupport.event(1));
			assertThatThrownBy(second::open).isInstanceOf(AuditDirectoryInUseException.class)
				.hasMessageContaining("in use by another audit writer");
			log.append(AuditTestSupport.event(2));
		}
		write(RotationPolicy.never(), 1);
		assertThat(this.verifier.verifyDirectory(this.dir).summary()).startsWith("OK: verified 3 records");
		assertThat(AuditLogFiles.recordFiles(this.dir)).noneMatch((file) -> file.endsWith(JsonLinesFileSink.LOCK_FILE_NAME));
	}

	@Test
	void aSinkThatFailsToOpenReleasesTheDirectory() throws IOException {
		write(RotationPolicy.never(), 2);
		Path file = AuditLogFiles.recordFiles(this.dir).get(0);
		Files.writeString(file, "not a record\n", StandardOpenOption.APPEND);
		JsonLinesFileSink broken = new JsonLinesFileSink(this.dir, RotationPolicy.never(), this.clock);
		assertThatThrownBy(broken::open).isInstanceOf(IOException.class).hasMessageContaining("not a valid audit record");
		Files.writeString(file, Files.readString(file).replace("not a record\n", ""));
		write(RotationPolicy.never(), 1);
		assertThat(this.verifier.verifyDirectory(this.dir).intact()).isTrue();
	}

	private void write(RotationPolicy rotation, int count) throws IOException {
		JsonLinesFileSink sink = new JsonLinesFileSink(this.dir, rotation, this.clock);
		try (AuditLog log = AuditLog.builder(sink, HMAC_KEY)
			.signingKey(SIGNING_KEYS.getPrivate())
			.durability(Durability.BATCHED)
			.checkpointEvery(1000)
			.clock(this.clock)
			.open()) {
			for (int i = 0; i < count; i++) {
				log.append(AuditTestSupport.event(i));
			}
		}
	}
}
