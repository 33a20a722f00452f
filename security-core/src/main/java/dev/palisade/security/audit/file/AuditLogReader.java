package dev.palisade.security.audit.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pages through the record lines of a {@link JsonLinesFileSink} directory, newest first, for
 * admin views. Reads files as streams, so memory holds one page, not the log. It does not verify
 * anything: use the verifier for that. A torn last line (no newline yet) is skipped.
 */
public final class AuditLogReader {

	private final Path directory;

	/** A reader of the log in {@code directory}. */
	public AuditLogReader(Path directory) {
		this.directory = directory;
	}

	/**
	 * Returns up to {@code size} record lines, newest first, after skipping the {@code page * size}
	 * newest ones.
	 * @throws IllegalArgumentException when {@code page} is negative or {@code size} is not positive
	 */
	public List<String> newestFirst(int page, int size) throws IOException {
		if (page < 0 || size <= 0) {
			throw new IllegalArgumentException("page must be >= 0 and size > 0");
		}
		long skip = (long) page * size;
		List<String> result = new ArrayList<>(size);
		List<Path> files = AuditLogFiles.recordFiles(this.directory);
		for (int i = files.size() - 1; i >= 0 && result.size() < size; i--) {
			Path file = files.get(i);
			long count = countWholeLines(file);
			if (skip >= count) {
				skip -= count;
				continue;
			}
			// lines [from, to) of this file, taken newest first
			long to = count - skip;
			long from = Math.max(0, to - (size - result.size()));
			List<String> lines = readLines(file, from, to);
			Collections.reverse(lines);
			result.addAll(lines);
			skip = 0;
		}
		return result;
	}

	private static long countWholeLines(Path file) throws IOException {
		long count = 0;
		try (var in = Files.newInputStream(file)) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) > 0) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						count++;
					}
				}
			}
		}
		return count;
	}

	private static List<String> readLines(Path file, long from, long to) throws IOException {
		List<String> lines = new ArrayList<>((int) (to - from));
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long index = 0;
			String line;
			while (index < to && (line = reader.readLine()) != null) {
				if (index >= from) {
					lines.add(line);
				}
				index++;
			}
		}
		return lines;
	}
}
