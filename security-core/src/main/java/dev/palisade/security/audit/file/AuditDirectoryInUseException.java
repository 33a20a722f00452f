package dev.palisade.security.audit.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a file sink opens a directory another audit writer holds: another instance
 * configured with the same directory, or a second application context in the same JVM.
 */
public final class AuditDirectoryInUseException extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient Path directory;

	AuditDirectoryInUseException(Path directory) {
		super("The audit directory " + directory
				+ " is in use by another audit writer (in this or another process): give each instance its own directory");
		this.directory = directory;
	}

	/** The directory that is in use. */
	public Path directory() {
		return this.directory;
	}
}
