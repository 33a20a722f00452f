package dev.palisade.security.access.url;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request path into segments with one pass over its characters. Empty segments are
 * ignored (so {@code //a/} matches like {@code /a}); dot segments, path parameters ({@code ;}),
 * backslashes, percent signs and control characters are rejected, because a path the firewall
 * should have normalized must not be matched loosely.
 */
final class RequestPath {

	static final int MAX_SEGMENTS = 128;

	private RequestPath() {
	}

	static String[] segments(String path) {
		if (path == null || path.isEmpty() || path.charAt(0) != '/') {
			throw new InvalidRequestPathException("request path must start with '/'");
		}
		List<String> segments = new ArrayList<>();
		int start = 1;
		int length = path.length();
		for (int i = 1; i <= length; i++) {
			if (i == length || path.charAt(i) == '/') {
				if (i > start) {
					String segment = path.substring(start, i);
					checkSegment(segment);
					segments.add(segment);
					if (segments.size() > MAX_SEGMENTS) {
						throw new InvalidRequestPathException("request path has too many segments");
					}
				}
				start = i + 1;
			}
		}
		return segments.toArray(new String[0]);
	}

	private static void checkSegment(String segment) {
		if (segment.equals(".") || segment.equals("..")) {
			throw new InvalidRequestPathException("request path must not contain dot segments");
		}
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == ';' || c == '\\' || c == '%' || Character.isISOControl(c)) {
				throw new InvalidRequestPathException("request path contains a forbidden character");
			}
		}
	}

	/** Validates a literal pattern segment with the same rules as request segments, plus no wildcard characters. */
	static String checkLiteral(String segment, String pattern) {
		try {
			checkSegment(segment);
		}
		catch (InvalidRequestPathException ex) {
			throw new InvalidUrlRuleException("invalid literal segment in path pattern: " + pattern);
		}
		if (segment.indexOf('*') >= 0 || segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
			throw new InvalidUrlRuleException(
					"wildcards and variables must be whole segments ('*', '**', '{name}'): " + pattern);
		}
		return segment;
	}
}
