package dev.palisade.security.ratelimit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An Ant-style path pattern compiled once: {@code *} matches within one segment, {@code {name}}
 * matches one whole segment, {@code **} matches zero or more segments. Written by hand because
 * core must not depend on Spring's {@code PathPattern} and the JDK has none; it uses no regular
 * expressions (no catastrophic backtracking) and matches without allocating for already-normal
 * paths.
 * <p>
 * Request paths are normalised before matching, so a caller cannot slip past a policy with
 * {@code //}, {@code /./}, {@code /../}, {@code ;matrix} parameters or a trailing slash.
 */
final class PathPattern {

	private static final String DOUBLE_WILDCARD = "**";

	private final String pattern;

	/** Segment patterns; {@code DOUBLE_WILDCARD} (same instance) for {@code **}. */
	private final String[] segments;

	/**
	 * For a pattern of literal segments followed only by {@code **} (such as {@code /api/**}):
	 * those literal segments as one prefix ({@code /api}, empty for {@code /**}); otherwise
	 * {@code null}. A normal path then matches exactly when it is the prefix or continues it
	 * with {@code /}, which needs no segment walk.
	 */
	private final String literalPrefix;

	private PathPattern(String pattern, String[] segments) {
		this.pattern = pattern;
		this.segments = segments;
		this.literalPrefix = literalPrefix(segments);
	}

	private static String literalPrefix(String[] segments) {
		int literals = 0;
		while (literals < segments.length && segments[literals] != DOUBLE_WILDCARD
				&& segments[literals].indexOf('*') < 0) {
			literals++;
		}
		if (literals == segments.length) {
			return null;
		}
		for (int i = literals; i < segments.length; i++) {
			if (segments[i] != DOUBLE_WILDCARD) {
				return null;
			}
		}
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < literals; i++) {
			prefix.append('/').append(segments[i]);
		}
		return prefix.toString();
	}

	static PathPattern compile(String pattern) {
		if (pattern == null || !pattern.startsWith("/")) {
			throw new IllegalArgumentException("A path pattern must start with '/'");
		}
		List<String> segments = new ArrayList<>();
		for (String segment : splitSegments(pattern)) {
			if (segment.equals(DOUBLE_WILDCARD)) {
				segments.add(DOUBLE_WILDCARD);
			}
			else if (segment.contains(DOUBLE_WILDCARD)) {
				throw new IllegalArgumentException("'**' must be a whole path segment in a path pattern");
			}
			else if (segment.startsWith("{") && segment.endsWith("}")) {
				segments.add("*");
			}
			else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
				throw new IllegalArgumentException("A '{variable}' must be a whole path segment in a path pattern");
			}
			else {
				segments.add(segment);
			}
		}
		return new PathPattern(pattern, segments.toArray(String[]::new));
	}

	boolean matches(String path) {
		if (this.literalPrefix != null && isNormal(path)) {
			return matchesPrefix(path);
		}
		return matchesNormal(normalise(path));
	}

	/** Same answer as {@link #matchesNormal} for a normal path and a literal-prefix pattern. */
	private boolean matchesPrefix(String path) {
		String prefix = this.literalPrefix;
		int length = prefix.length();
		return path.startsWith(prefix) && (path.length() == length || path.charAt(length) == '/');
	}

	/**
	 * Greedy wildcard matching over segments, remembering only the last {@code **}: linear in the
	 * path for each pattern segment (no exponential backtracking, whatever the request path).
	 */
	private boolean matchesNormal(String path) {
		int length = path.length();
		int index = 0;
		int pos = 1; // start of the current segment; pos >= length means no segments left
		int starIndex = -1;
		int starPos = -1;
		while (pos < length) {
			int end = segmentEnd(path, pos);
			if (index < this.segments.length && this.segments[index] == DOUBLE_WILDCARD) {
				starIndex = index++;
				starPos = pos;
			}
			else if (index < this.segments.length && globMatches(this.segments[index], path, pos, end)) {
				index++;
				pos = end + 1;
			}
			else if (starIndex >= 0) {
				index = starIndex + 1;
				starPos = segmentEnd(path, starPos) + 1;
				pos = starPos;
			}
			else {
				return false;
			}
		}
		while (index < this.segments.length && this.segments[index] == DOUBLE_WILDCARD) {
			index++;
		}
		return index == this.segments.length;
	}

	private static int segmentEnd(String path, int pos) {
		int slash = path.indexOf('/', pos);
		return (slash < 0) ? path.length() : slash;
	}

	/** Wildcard match of one segment: {@code *} is any run of characters. Linear backtracking. */
	private static boolean globMatches(String glob, String s, int from, int to) {
		int g = 0;
		int i = from;
		int starG = -1;
		int starI = -1;
		while (i < to) {
			if (g < glob.length() && glob.charAt(g) == '*') {
				starG = g++;
				starI = i;
			}
			else if (g < glob.length() && glob.charAt(g) == s.charAt(i)) {
				g++;
				i++;
			}
			else if (starG >= 0) {
				g = starG + 1;
				i = ++starI;
			}
			else {
				return false;
			}
		}
		while (g < glob.length() && glob.charAt(g) == '*') {
			g++;
		}
		return g == glob.length();
	}

	/**
	 * Returns {@code path} as {@code /seg/seg} with no empty, {@code .} or {@code ..} segments, no
	 * {@code ;parameters} and no trailing slash ({@code /} for the root). Allocates only if the
	 * path is not already in that form.
	 */
	static String normalise(String path) {
		if (isNormal(path)) {
			return path;
		}
		Deque<String> stack = new ArrayDeque<>();
		for (String segment : splitSegments(path)) {
			int semicolon = segment.indexOf(';');
			if (semicolon >= 0) {
				segment = segment.substring(0, semicolon);
			}
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				stack.pollLast();
			}
			else {
				stack.addLast(segment);
			}
		}
		if (stack.isEmpty()) {
			return "/";
		}
		StringBuilder normal = new StringBuilder(path.length());
		for (String segment : stack) {
			normal.append('/').append(segment);
		}
		return normal.toString();
	}

	private static boolean isNormal(String path) {
		int length = path.length();
		if (length == 0 || path.charAt(0) != '/') {
			return false;
		}
		if (length == 1) {
			return true;
		}
		// one pass over the characters, tracking the current segment's length and whether it is all
		// dots: cheaper than indexOf hops on paths of a few dozen characters
		int segmentLength = 0;
		boolean onlyDots = true;
		for (int i = 1; i < length; i++) {
			char c = path.charAt(i);
			if (c == '/') {
				if (segmentLength == 0 || (onlyDots && segmentLength <= 2)) {
					return false;
				}
				segmentLength = 0;
				onlyDots = true;
			}
			else if (c == ';') {
				return false;
			}
			else {
				segmentLength++;
				onlyDots &= (c == '.');
			}
		}
		// the last segment: empty means a trailing slash
		return segmentLength != 0 && !(onlyDots && segmentLength <= 2);
	}

	private static List<String> splitSegments(String path) {
		List<String> segments = new ArrayList<>();
		int start = 0;
		while (start <= path.length()) {
			int slash = path.indexOf('/', start);
			int end = (slash < 0) ? path.length() : slash;
			if (end > start) {
				segments.add(path.substring(start, end));
			}
			start = end + 1;
		}
		return segments;
	}

	@Override
	public String toString() {
		return this.pattern;
	}
}
