package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.SecretKey;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;

import dev.palisade.security.audit.file.AuditLogFiles;

/**
 * Verifies an audit log: sequence numbers, the hash chain, record MACs (when given HMAC keys)
 * and Ed25519 checkpoints (signatures when given public keys; heads and truncation always). Every
 * record and checkpoint names the id of its key, so a log that spans key rotations verifies with
 * every key it was written with; a line naming a key the verifier lacks is
 * {@link FailureReason#UNKNOWN_KEY}. A third party holding only the public key can run it without the HMAC key: the
 * signed checkpoints then pin the chain. Reports the first break with its sequence number and
 * a {@link FailureReason}; an incomplete last line is reported as {@link FailureReason#TORN_WRITE}.
 */
public final class AuditVerifier {

	private final Map<String, SecretKey> macKeys;

	private final Map<String, PublicKey> publicKeys;

	private final List<ParsedCheckpoint> expectedCheckpoints;

	private final long minimumSequence;

	/**
	 * A verifier for a log written with one key of each kind, under the id
	 * {@value AuditRecordFormat#DEFAULT_KEY_ID}; either key may be {@code null}.
	 * @param hmacKey the log's HMAC key, to check every record's MAC
	 * @param publicKey the Ed25519 checkpoint key, to check checkpoint signatures
	 */
	public AuditVerifier(byte[] hmacKey, PublicKey publicKey) {
		this((hmacKey != null) ? Map.of(AuditRecordFormat.DEFAULT_KEY_ID, AuditKeys.hmacKey(hmacKey)) : Map.of(),
				(publicKey != null) ? Map.of(AuditRecordFormat.DEFAULT_KEY_ID, publicKey) : Map.of());
	}

	/**
	 * A verifier holding keys by key id; either map may be empty (MACs or signatures are then not checked).
	 * @param macKeys the HMAC keys the log's records may name
	 * @param publicKeys the Ed25519 public keys its checkpoints may name
	 */
	public AuditVerifier(Map<String, SecretKey> macKeys, Map<String, PublicKey> publicKeys) {
		this(macKeys, publicKeys, List.of(), 0);
	}

	private AuditVerifier(Map<String, SecretKey> macKeys, Map<String, PublicKey> publicKeys,
			List<ParsedCheckpoint> expectedCheckpoints, long minimumSequence) {
		this.macKeys = Map.copyOf(macKeys);
		this.publicKeys = Map.copyOf(publicKeys);
		this.expectedCheckpoints = List.copyOf(expectedCheckpoints);
		this.minimumSequence = minimumSequence;
	}

	/**
	 * A verifier that also holds the log to a checkpoint kept elsewhere (a copy of a line of the
	 * checkpoint file or table, taken earlier). Cutting the log short together with its own
	 * checkpoints then still shows as {@link FailureReason#TRUNCATED_AFTER_CHECKPOINT}, and a
	 * rewritten chain as {@link FailureReason#CHECKPOINT_HEAD_MISMATCH}.
	 * @param checkpointLine the checkpoint line, as written by the log
	 * @param location names the line in reports (for example a file name)
	 * @throws IllegalArgumentException when the line is not a checkpoint
	 */
	public AuditVerifier expectingCheckpoint(String checkpointLine, String location) {
		ParsedCheckpoint checkpoint = ParsedCheckpoint.parse(checkpointLine, location);
		if (checkpoint.malformed()) {
			throw new IllegalArgumentException(location + " is not an audit checkpoint line");
		}
		List<ParsedCheckpoint> expected = new ArrayList<>(this.expectedCheckpoints);
		expected.add(checkpoint);
		return new AuditVerifier(this.macKeys, this.publicKeys, expected, this.minimumSequence);
	}

	/**
	 * A verifier that reports {@link FailureReason#SHORTER_THAN_EXPECTED} unless the log reaches
	 * at least {@code sequence} (for example the last sequence number an operator wrote down).
	 */
	public AuditVerifier expectingAtLeast(long sequence) {
		if (sequence < 0) {
			throw new IllegalArgumentException("a sequence number is not negative");
		}
		return new AuditVerifier(this.macKeys, this.publicKeys, this.expectedCheckpoints, sequence);
	}

	/** A verifier holding the enabled keys of two keyrings; either may be {@code null}. */
	public static AuditVerifier of(Keyring<SecretKey> macKeys, Keyring<PublicKey> publicKeys) {
		return new AuditVerifier(enabled(macKeys), enabled(publicKeys));
	}

	/** A verifier for a third party that holds only the checkpoint public key. */
	public static AuditVerifier withPublicKeyOnly(PublicKey publicKey) {
		return new AuditVerifier(null, publicKey);
	}

	private static <K> Map<String, K> enabled(Keyring<K> keyring) {
		Map<String, K> keys = new HashMap<>();
		if (keyring != null) {
			for (Keyring.Entry<K> entry : keyring.entries()) {
				if (entry.status() == KeyStatus.ENABLED) {
					keys.put(entry.keyId(), entry.key());
				}
			}
		}
		return keys;
	}

	/** Verifies the record files and the checkpoint file of a {@code JsonLinesFileSink} directory. */
	public VerificationResult verifyDirectory(Path directory) throws IOException {
		return verifyDirectory(directory, null).result();
	}

	/**
	 * Verifies a {@code JsonLinesFileSink} directory from where an earlier pass last tied the chain
	 * to a checkpoint, reading only the records written since: the cost is that of the new records,
	 * not of the whole log. The earlier records are trusted only while the file holding the resume
	 * point is the same file (same file key, at least as long) and the checkpoint file still holds
	 * that checkpoint; otherwise the whole log is read again. An edit that keeps a file's inode and
	 * size (a byte overwritten in place) before the resume point is found only by a full pass.
	 * @param from where the earlier pass got to, or {@code null} to read the whole log
	 * @return the result, with counts over the whole log, and the resume point for the next pass
	 */
	public IncrementalResult verifyDirectory(Path directory, ResumePoint from) throws IOException {
		List<ParsedCheckpoint> checkpoints = readCheckpoints(AuditLogFiles.checkpointFile(directory));
		List<Path> files = AuditLogFiles.recordFiles(directory);
		int first = (from != null) ? resumableFile(files, checkpoints, from) : -1;
		ChainCheck check = newCheck(checkpoints);
		Anchors anchors = new Anchors();
		String torn = null;
		if (first >= 0) {
			check.resumeAfter(from.sequence(), from.headHash(), from.verifiedRecords(), from.verifiedCheckpoints());
			for (int i = first; i < files.size(); i++) {
				boolean resumed = i == first;
				torn = readLines(files.get(i), check, i == files.size() - 1, resumed ? from.offset() : 0,
						resumed ? from.lineNumber() : 0, anchors);
			}
		}
		else {
			for (int i = 0; i < files.size(); i++) {
				torn = readLines(files.get(i), check, i == files.size() - 1, 0, 0, anchors);
			}
		}
		VerificationResult result = check.finish(torn);
		ResumePoint next = (anchors.point != null) ? anchors.point : ((first >= 0) ? from : null);
		return new IncrementalResult(result, (first >= 0) ? from.sequence() : 0, next);
	}

	/** The index of the resume point's file when the pass may start there, else -1 (read everything). */
	private static int resumableFile(List<Path> files, List<ParsedCheckpoint> checkpoints, ResumePoint from)
			throws IOException {
		boolean checkpointKept = checkpoints.stream()
			.anyMatch((checkpoint) -> checkpoint.sequence() == from.sequence()
					&& from.headHash().equals(checkpoint.headHash()));
		if (!checkpointKept) {
			return -1;
		}
		for (int i = 0; i < files.size(); i++) {
			Path file = files.get(i);
			if (file.getFileName().toString().equals(from.fileName())) {
				BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
				boolean sameFile = from.fileKey() == null || Objects.equals(from.fileKey(), now.fileKey());
				return (sameFile && now.size() >= from.offset()) ? i : -1;
			}
		}
		return -1;
	}

	/** The last place in a pass where a checkpoint confirmed the chain. */
	private static final class Anchors {

		private long sequence;

		private ResumePoint point;

		void after(ChainCheck check, String fileName, Object fileKey, long offset, int lineNumber) {
			if (check.anchoredSequence() != this.sequence) {
				this.sequence = check.anchoredSequence();
				this.point = new ResumePoint(fileName, fileKey, offset, lineNumber, this.sequence, check.anchoredHead(),
						check.verifiedRecords(), check.verifiedCheckpoints());
			}
		}
	}

	/**
	 * Verifies records and checkpoints given as whole lines in order (for example rows of the
	 * JDBC sink's tables ordered by sequence).
	 */
	public VerificationResult verifyLines(Iterator<String> recordLines, Iterator<String> checkpointLines) {
		List<ParsedCheckpoint> checkpoints = new ArrayList<>();
		int index = 0;
		while (checkpointLines.hasNext()) {
			index++;
			checkpoints.add(ParsedCheckpoint.parse(checkpointLines.next(), "checkpoint " + index));
		}
		ChainCheck check = newCheck(checkpoints);
		long row = 0;
		while (recordLines.hasNext()) {
			row++;
			byte[] line = recordLines.next().getBytes(StandardCharsets.UTF_8);
			check.record(line, 0, line.length, "record " + row);
		}
		return check.finish(null);
	}

	/**
	 * Verifies record lines that follow a resume point (the JDBC sink's rows after its sequence),
	 * or every record when {@code from} is {@code null}; see {@link #canResume}.
	 * @param recordLines the records after {@code from}'s sequence (all of them without one), in order
	 * @param checkpointLines every checkpoint
	 * @param source names the records in resume points and reports (for example the table)
	 */
	public IncrementalResult verifyLines(Iterator<String> recordLines, List<String> checkpointLines,
			ResumePoint from, String source) {
		List<ParsedCheckpoint> checkpoints = new ArrayList<>();
		for (int i = 0; i < checkpointLines.size(); i++) {
			checkpoints.add(ParsedCheckpoint.parse(checkpointLines.get(i), "checkpoint " + (i + 1)));
		}
		ChainCheck check = newCheck(checkpoints);
		if (from != null) {
			check.resumeAfter(from.sequence(), from.headHash(), from.verifiedRecords(), from.verifiedCheckpoints());
		}
		Anchors anchors = new Anchors();
		long row = 0;
		while (recordLines.hasNext()) {
			row++;
			byte[] line = recordLines.next().getBytes(StandardCharsets.UTF_8);
			check.record(line, 0, line.length, source + " row " + row);
			anchors.after(check, source, null, 0, 0);
		}
		VerificationResult result = check.finish(null);
		ResumePoint next = (anchors.point != null) ? anchors.point : from;
		return new IncrementalResult(result, (from != null) ? from.sequence() : 0, next);
	}

	/**
	 * Whether a pass over whole record lines may start after {@code from}: the checkpoint lines still
	 * hold its checkpoint with its head hash, and {@code anchorLine} (the record stored now at its
	 * sequence) still hashes to that head. Records before it are then trusted as verified earlier.
	 */
	public static boolean canResume(ResumePoint from, String anchorLine, List<String> checkpointLines) {
		if (from == null || anchorLine == null) {
			return false;
		}
		boolean checkpointKept = checkpointLines.stream()
			.map((line) -> ParsedCheckpoint.parse(line, "checkpoint"))
			.anyMatch((checkpoint) -> checkpoint.sequence() == from.sequence()
					&& from.headHash().equals(checkpoint.headHash()));
		return checkpointKept && from.headHash().equals(sha256Hex(anchorLine.getBytes(StandardCharsets.UTF_8)));
	}

	private static String sha256Hex(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required", ex);
		}
	}

	private ChainCheck newCheck(List<ParsedCheckpoint> stored) {
		List<ParsedCheckpoint> all = new ArrayList<>(stored);
		all.addAll(this.expectedCheckpoints);
		return new ChainCheck(this.macKeys, this.publicKeys, all, this.minimumSequence);
	}

	private static List<ParsedCheckpoint> readCheckpoints(Path file) throws IOException {
		List<ParsedCheckpoint> checkpoints = new ArrayList<>();
		if (!Files.exists(file)) {
			return checkpoints;
		}
		byte[] content = Files.readAllBytes(file);
		int start = 0;
		int lineNumber = 0;
		for (int i = 0; i < content.length; i++) {
			if (content[i] == '\n') {
				lineNumber++;
				String line = new String(content, start, i - start, StandardCharsets.US_ASCII);
				checkpoints.add(ParsedCheckpoint.parse(line, file.getFileName() + ":" + lineNumber));
				start = i + 1;
			}
		}
		// an unterminated last checkpoint line is a write torn by a crash: it was never relied on
		return checkpoints;
	}

	/**
	 * Feeds every line of {@code file} from byte {@code startOffset} on to {@code check}, noting
	 * checkpoint anchors; returns the location of a torn last line, or null.
	 */
	private static String readLines(Path file, ChainCheck check, boolean lastFile, long startOffset, int startLine,
			Anchors anchors) throws IOException {
		String name = file.getFileName().toString();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			Object fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
			channel.position(startOffset);
			byte[] buffer = new byte[1 << 20];
			long base = startOffset; // the file offset of buffer[0]
			int filled = 0;
			int lineNumber = startLine;
			while (true) {
				if (filled == buffer.length) {
					buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
				}
				int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
				if (read < 0) {
					break;
				}
				filled += read;
				int start = 0;
				for (int i = 0; i < filled; i++) {
					if (buffer[i] == '\n') {
						lineNumber++;
						check.record(buffer, start, i - start, name + ":" + lineNumber);
						anchors.after(check, name, fileKey, base + i + 1, lineNumber);
						start = i + 1;
					}
				}
				System.arraycopy(buffer, start, buffer, 0, filled - start);
				filled -= start;
				base += start;
			}
			if (filled > 0) {
				String where = name + ":" + (lineNumber + 1);
				if (lastFile) {
					return where;
				}
				check.record(buffer, 0, filled, where);
			}
			return null;
		}
	}
}
