package dev.palisade.security.access.url;

import java.util.Objects;

/**
 * One path pattern of Palisade's URL grammar, for features that match request paths outside the
 * access rules (rate-limit policies): the same syntax as {@code palisade.access.rules}
 * ({@code *} or {@code {name}} for one whole segment, {@code **} as the last segment for zero or
 * more) and the same treatment of request paths ({@link RequestPath}: empty segments ignored, dot
 * segments, {@code ;}, {@code \}, {@code %} and control characters refused with
 * {@link InvalidRequestPathException}), so a path the access rules refuse can never be matched
 * differently here. Thread-safe.
 */
public final class UrlPattern {

	private final PathPattern pattern;

	/**
	 * For literal segments followed by nothing or by {@code **}: those segments as one string
	 * ({@code /api}, or the empty string for {@code /**}); otherwise {@code null}. A clean path is
	 * then matched by a string comparison, without splitting it.
	 */
	private final String literalPrefix;

	private UrlPattern(PathPattern pattern) {
		this.pattern = pattern;
		this.literalPrefix = literalPrefix(pattern);
	}

	/**
	 * Parses a pattern.
	 * @throws InvalidUrlRuleException for a pattern outside the grammar
	 */
	public static UrlPattern parse(String text) {
		return new UrlPattern(PathPattern.parse(text));
	}

	/**
	 * Whether the request path matches.
	 * @throws InvalidRequestPathException for a path that cannot be matched safely
	 */
	public boolean matches(String path) {
		Objects.requireNonNull(path, "path");
		if (this.literalPrefix != null && isClean(path)) {
			String prefix = this.literalPrefix;
			if (!this.pattern.rest) {
				return path.equals(prefix.isEmpty() ? "/" : prefix);
			}
			int length = prefix.length();
			return path.startsWith(prefix) && (path.length() == length || path.charAt(length) == '/');
		}
		return matches(RequestPath.segments(path));
	}

	private boolean matches(String[] segments) {
		int literals = this.pattern.segments.size();
		if (segments.length < literals || (!this.pattern.rest && segments.length != literals)) {
			return false;
		}
		for (int i = 0; i < literals; i++) {
			String expected = this.pattern.segments.get(i);
			if (expected != PathPattern.ANY_SEGMENT && !expected.equals(segments[i])) {
				return false;
			}
		}
		return true;
	}

	private static String literalPrefix(PathPattern pattern) {
		StringBuilder prefix = new StringBuilder();
		for (String segment : pattern.segments) {
			if (segment == PathPattern.ANY_SEGMENT) {
				return null;
			}
			prefix.append('/').append(segment);
		}
		return prefix.toString();
	}

	/**
	 * A path {@link RequestPath} would split into exactly its slash-separated parts: it starts with
	 * a slash, has no empty segment (no {@code //}, no trailing slash except the root itself), no
	 * dot segment, none of the refused characters and at most {@link RequestPath#MAX_SEGMENTS}
	 * segments. Anything else takes the full split, which normalises empty segments and refuses the rest.
	 */
	static boolean isClean(String path) {
		int length = path.length();
		if (length == 0 || path.charAt(0) != '/') {
			return false;
		}
		if (length == 1) {
			return true;
		}
		int segmentLength = 0;
		int segments = 1;
		boolean onlyDots = true;
		for (int i = 1; i < length; i++) {
			char c = path.charAt(i);
			if (c == '/') {
				if (segmentLength == 0 || (onlyDots && segmentLength <= 2) || ++segments > RequestPath.MAX_SEGMENTS) {
					return false;
				}
				segmentLength = 0;
				onlyDots = true;
			}
			else if (c == ';' || c == '\\' || c == '%' || Character.isISOControl(c)) {
				return false;
			}
			else {
				segmentLength++;
				onlyDots &= (c == '.');
			}
		}
		return segmentLength != 0 && !(onlyDots && segmentLength <= 2);
	}

	@Override
	public String toString() {
		return this.pattern.text;
	}
}
