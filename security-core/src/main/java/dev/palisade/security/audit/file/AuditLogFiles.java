package dev.palisade.security.audit.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * File names of a JSON-lines audit log directory. Record files are
 * {@code audit-<yyyyMMdd>-<first sequence, 20 digits>.jsonl}, so sorting names sorts the chain;
 * checkpoints go to {@value #CHECKPOINT_FILE_NAME}.
 */
public final class AuditLogFiles {

	/** Name of the side file holding signed checkpoints. */
	public static final String CHECKPOINT_FILE_NAME = "audit-checkpoints.jsonl";

	private static final Pattern RECORD_FILE = Pattern.compile("audit-\\d{8}-\\d{20}\\.jsonl");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private AuditLogFiles() {
	}

	/** The record files of {@code directory} in chain order (empty when the directory does not exist). */
	public static List<Path> recordFiles(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> RECORD_FILE.matcher(file.getFileName().toString()).matches())
				.sorted()
				.toList();
		}
	}

	/** The checkpoint file of {@code directory} (it may not exist). */
	public static Path checkpointFile(Path directory) {
		return directory.resolve(CHECKPOINT_FILE_NAME);
	}

	/** The name of a record file started on {@code day} whose first record is {@code firstSequence}. */
	public static String recordFileName(LocalDate day, long firstSequence) {
		return String.format("audit-%s-%020d.jsonl", DAY.format(day), firstSequence);
	}

	static LocalDate dayOf(Path recordFile) {
		return LocalDate.parse(recordFile.getFileName().toString().substring(6, 14), DAY);
	}

	/**
	 * Returns the last whole line without its newline, or {@code null} when there is none. A last
	 * line without newline (a write torn by a crash) is cut off when {@code cutTornTail}, and is
	 * an error otherwise.
	 */
	static byte[] readLastLine(FileChannel channel, boolean cutTornTail) throws IOException {
		long size = channel.size();
		if (size == 0) {
			return null;
		}
		long end = size;
		if (readByte(channel, size - 1) != '\n') {
			if (!cutTornTail) {
				throw new IOException("audit file does not end with a whole line; run the audit verifier");
			}
			long lastNewline = findNewlineBefore(channel, size - 1);
			channel.truncate(lastNewline + 1);
			channel.force(true);
			end = lastNewline + 1;
			if (end == 0) {
				return null;
			}
		}
		long start = findNewlineBefore(channel, end - 1) + 1;
		ByteBuffer line = ByteBuffer.allocate(Math.toIntExact(end - 1 - start));
		while (line.hasRemaining()) {
			if (channel.read(line, start + line.position()) < 0) {
				throw new IOException("audit file shrank while being read");
			}
		}
		return line.array();
	}

	static void fsyncDirectory(Path directory) {
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException ex) {
			// some platforms cannot open directories; file contents are still forced
		}
	}

	private static byte readByte(FileChannel channel, long position) throws IOException {
		ByteBuffer one = ByteBuffer.allocate(1);
		channel.read(one, position);
		return one.get(0);
	}

	/** Position of the last '\n' strictly before {@code before}, or -1. */
	private static long findNewlineBefore(FileChannel channel, long before) throws IOException {
		ByteBuffer chunk = ByteBuffer.allocate(8192);
		long end = before;
		while (end > 0) {
			long start = Math.max(0, end - chunk.capacity());
			chunk.clear().limit((int) (end - start));
			while (chunk.hasRemaining()) {
				if (channel.read(chunk, start + chunk.position()) < 0) {
					break;
				}
			}
			for (int i = chunk.position() - 1; i >= 0; i--) {
				if (chunk.get(i) == '\n') {
					return start + i;
				}
			}
			end = start;
		}
		return -1;
	}
}
