package dev.palisade.security.audit.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which file a path named when a writer opened it: its file key (device and inode on Unix; absent
 * on some platforms, where only the size is compared).
 */
record FileIdentity(Object fileKey) {

	/** The identity of the file at {@code path} now. */
	static FileIdentity of(Path path) throws IOException {
		return new FileIdentity(Files.readAttributes(path, BasicFileAttributes.class).fileKey());
	}

	/**
	 * Whether {@code path} still names this file and it has exactly the size this writer left it
	 * at; {@code false} when it was replaced, removed, truncated or written by someone else.
	 */
	boolean matches(Path path, long expectedSize) throws IOException {
		BasicFileAttributes now;
		try {
			now = Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		return now.size() == expectedSize && (this.fileKey == null || Objects.equals(this.fileKey, now.fileKey()));
	}
}
