package dev.palisade.security.audit.file;

/**
 * When {@link JsonLinesFileSink} starts a new file.
 *
 * @param maxBytes start a new file before one would grow beyond this size; 0 for no size limit
 * @param daily start a new file when the UTC day changes
 */
public record RotationPolicy(long maxBytes, boolean daily) {

	public RotationPolicy {
		if (maxBytes < 0) {
			throw new IllegalArgumentException("maxBytes must not be negative");
		}
	}

	/** Daily, and at 100 MiB. */
	public static RotationPolicy defaults() {
		return new RotationPolicy(100L * 1024 * 1024, true);
	}

	/** Only by size. */
	public static RotationPolicy bySize(long maxBytes) {
		return new RotationPolicy(maxBytes, false);
	}

	/** Never: one file. */
	public static RotationPolicy never() {
		return new RotationPolicy(0, false);
	}
}
