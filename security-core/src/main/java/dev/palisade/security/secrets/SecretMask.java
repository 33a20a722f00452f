package dev.palisade.security.secrets;

/**
 * Shows enough of a secret to recognise it and never enough to use it: the first four and last
 * four characters ({@code sk-a****wxyz}), and of a short value at most a third of its characters.
 */
public final class SecretMask {

	private static final String STARS = "****";

	private SecretMask() {
	}

	/** The masked form of {@code value}; {@code ****} for a value of fewer than three characters. */
	public static String mask(String value) {
		if (value == null) {
			return STARS;
		}
		int length = value.codePointCount(0, value.length());
		int shown = Math.min(8, length / 3);
		int head = (shown + 1) / 2;
		int tail = shown / 2;
		if (shown == 0) {
			return STARS;
		}
		int headEnd = value.offsetByCodePoints(0, head);
		int tailStart = value.offsetByCodePoints(value.length(), -tail);
		return value.substring(0, headEnd) + STARS + value.substring(tailStart);
	}

}
