package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.MutableClock;
import dev.palisade.security.audit.file.AuditLogFiles;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.palisade.security.audit.AuditTestSupport.HMAC_KEY;
import static dev.palisade.security.audit.AuditTestSupport.SIGNING_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pass that resumes at the last checkpoint an earlier pass verified reads only what was written
 * since, reports the same counts as a full pass, and reads everything again when the file or the
 * checkpoint it resumes at is no longer the one it verified.
 */
class IncrementalVerificationTest {

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

	private final AuditVerifier verifier = new AuditVerifier(HMAC_KEY, SIGNING_KEYS.getPublic());

	@Test
	void aSecondPassStartsAtTheLastCheckpointAndCountsLikeAFullPass() throws IOException {
		try (AuditLog log = open(RotationPolicy.never())) {
			append(log, 0, 25);
			IncrementalResult first = this.verifier.verifyDirectory(this.dir, null);
			assertThat(first.result().summary()).isEqualTo("OK: verified 25 records, 2 checkpoints");
			assertThat(first.resumedAfter()).isZero();
			assertThat(first.next().sequence()).isEqualTo(20);

			append(log, 25, 12);
			IncrementalResult second = this.verifier.verifyDirectory(this.dir, first.next());
			assertThat(second.resumedAfter()).isEqualTo(20);
			assertThat(second.result()).isEqualTo(this.verifier.verifyDirectory(this.dir));
			assertThat(second.result().summary()).isEqualTo("OK: verified 37 records, 3 checkpoints");
			assertThat(second.next().sequence()).isEqualTo(30);
		}
	}

	@Test
	void recordsBeforeTheResumePointAreNotReadAgainButLaterEditsAreCaught() throws IOException {
		try (AuditLog log = open(RotationPolicy.never())) {
			append(log, 0, 25);
			ResumePoint at20 = this.verifier.verifyDirectory(this.dir, null).next();
			Path file = AuditLogFiles.recordFiles(this.dir).get(0);
			overwriteOneByte(file, 3, "key-");
			assertThat(this.verifier.verifyDirectory(this.dir, at20).result().intact())
				.as("an in-place edit before the resume point is the documented limit of a resumed pass")
				.isTrue();
			assertThat(this.verifier.verifyDirectory(this.dir).reason()).isEqualTo(FailureReason.MAC_MISMATCH);

			overwriteOneByte(file, 23, "key-");
			VerificationResult resumed = this.verifier.verifyDirectory(this.dir, at20).result();
			assertThat(resumed.reason()).isEqualTo(FailureReason.MAC_MISMATCH);
			assertThat(resumed.firstBrokenSequence()).isEqualTo(23);
		}
	}

	@Test
	void aReplacedFileIsReadWholeAgain() throws IOException {
		try (AuditLog log = open(RotationPolicy.never())) {
			append(log, 0, 25);
			ResumePoint at20 = this.verifier.verifyDirectory(this.dir, null).next();
			Path file = AuditLogFiles.recordFiles(this.dir).get(0);
			Path edited = this.dir.resolve("sedtmp");
			Files.writeString(edited, Files.readString(file).replaceFirst("\"key-3\"", "\"key-X\""));
			Files.move(edited, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			IncrementalResult again = this.verifier.verifyDirectory(this.dir, at20);
			assertThat(again.resumedAfter()).as("a new inode: nothing before the resume point is trusted").isZero();
			assertThat(again.result().reason()).isEqualTo(FailureReason.MAC_MISMATCH);
			assertThat(again.result().firstBrokenSequence()).isEqualTo(4);
		}
	}

	@Test
	void aCheckpointFileWithoutTheResumeCheckpointIsReadWholeAgain() throws IOException {
		try (AuditLog log = open(RotationPolicy.never())) {
			append(log, 0, 25);
			ResumePoint at20 = this.verifier.verifyDirectory(this.dir, null).next();
			Path checkpoints = AuditLogFiles.checkpointFile(this.dir);
			List<String> lines = Files.readAllLines(checkpoints);
			Files.write(checkpoints, lines.subList(0, 1));
			IncrementalResult again = this.verifier.verifyDirectory(this.dir, at20);
			assertThat(again.resumedAfter()).isZero();
			assertThat(again.result().summary()).isEqualTo("OK: verified 25 records, 1 checkpoints");
		}
	}

	@Test
	void aResumedPassCrossesRotatedFiles() throws IOException {
		try (AuditLog log = open(RotationPolicy.bySize(4096))) {
			append(log, 0, 25);
			ResumePoint first = this.verifier.verifyDirectory(this.dir, null).next();
			append(log, 25, 40);
			assertThat(AuditLogFiles.recordFiles(this.dir)).hasSizeGreaterThan(3);
			IncrementalResult resumed = this.verifier.verifyDirectory(this.dir, first);
			assertThat(resumed.resumedAfter()).isEqualTo(20);
			assertThat(resumed.result()).isEqualTo(this.verifier.verifyDirectory(this.dir));
			assertThat(resumed.result().summary()).isEqualTo("OK: verified 65 records, 6 checkpoints");
		}
	}

	/** Overwrites one byte of the given record's line in place: same inode, same size. */
	private static void overwriteOneByte(Path file, int sequence, String marker) throws IOException {
		List<String> lines = Files.readAllLines(file);
		long offset = 0;
		for (int i = 0; i < sequence - 1; i++) {
			offset += lines.get(i).length() + 1;
		}
		int at = lines.get(sequence - 1).indexOf(marker) + marker.length();
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.seek(offset + at);
			int old = raf.read();
			raf.seek(offset + at);
			raf.write((old == 'X') ? 'Y' : 'X');
		}
	}

	private AuditLog open(RotationPolicy rotation) throws IOException {
		return AuditLog.builder(new JsonLinesFileSink(this.dir, rotation, this.clock), HMAC_KEY)
			.signingKey(SIGNING_KEYS.getPrivate())
			.durability(Durability.SYNC)
			.checkpointEvery(10)
			.clock(this.clock)
			.open();
	}

	private static void append(AuditLog log, int from, int count) {
		for (int i = from; i < from + count; i++) {
			assertThat(log.append(AuditTestSupport.event(i))).isTrue();
		}
	}
}
