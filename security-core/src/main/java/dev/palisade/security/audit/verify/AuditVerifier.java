package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.palisade.security.audit.file.AuditLogFiles;

/**
 * Verifies an audit log: sequence numbers, the hash chain, record MACs (when given the HMAC
 * key) and Ed25519 checkpoints (signatures when given the public key; heads and truncation
 * always). A third party holding only the public key can run it without the HMAC key: the
 * signed checkpoints then pin the chain. Reports the first break with its sequence number and
 * a {@link FailureReason}; an incomplete last line is reported as {@link FailureReason#TORN_WRITE}.
 */
public final class AuditVerifier {

	private final byte[] hmacKey;

	private final PublicKey publicKey;

	/**
	 * A verifier; either key may be {@code null}.
	 * @param hmacKey the log's HMAC key, to check every record's MAC
	 * @param publicKey the Ed25519 checkpoint key, to check checkpoint signatures
	 */
	public AuditVerifier(byte[] hmacKey, PublicKey publicKey) {
		this.hmacKey = (hmacKey != null) ? hmacKey.clone() : null;
		this.publicKey = publicKey;
	}

	/** A verifier for a third party that holds only the checkpoint public key. */
	public static AuditVerifier withPublicKeyOnly(PublicKey publicKey) {
		return new AuditVerifier(null, publicKey);
	}

	/** Verifies the record files and the checkpoint file of a {@code JsonLinesFileSink} directory. */
	public VerificationResult verifyDirectory(Path directory) throws IOException {
		List<ParsedCheckpoint> checkpoints = readCheckpoints(AuditLogFiles.checkpointFile(directory));
		ChainCheck check = new ChainCheck(this.hmacKey, this.publicKey, checkpoints);
		List<Path> files = AuditLogFiles.recordFiles(directory);
		String torn = null;
		for (int i = 0; i < files.size(); i++) {
			torn = readLines(files.get(i), check, i == files.size() - 1);
		}
		return check.finish(torn);
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
		ChainCheck check = new ChainCheck(this.hmacKey, this.publicKey, checkpoints);
		long row = 0;
		while (recordLines.hasNext()) {
			row++;
			byte[] line = recordLines.next().getBytes(StandardCharsets.UTF_8);
			check.record(line, 0, line.length, "record " + row);
		}
		return check.finish(null);
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

	/** Feeds every line of {@code file} to {@code check}; returns the location of a torn last line, or null. */
	private static String readLines(Path file, ChainCheck check, boolean lastFile) throws IOException {
		String name = file.getFileName().toString();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			byte[] buffer = new byte[1 << 20];
			int filled = 0;
			int lineNumber = 0;
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
						start = i + 1;
					}
				}
				System.arraycopy(buffer, start, buffer, 0, filled - start);
				filled -= start;
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
