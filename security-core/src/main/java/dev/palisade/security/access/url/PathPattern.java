package dev.palisade.security.access.url;

import java.util.ArrayList;
import java.util.List;

/**
 * An Ant-style pattern parsed at start-up: literal segments, {@code *} or {@code {name}} for
 * exactly one segment, and {@code **} (only as the last segment) for zero or more segments.
 * Partial-segment wildcards are rejected so matching needs no regex.
 */
final class PathPattern {

	static final String ANY_SEGMENT = "*";

	static final String REST = "**";

	/** Segments before a trailing {@code **}; a single-segment wildcard is stored as {@link #ANY_SEGMENT}. */
	final List<String> segments;

	final boolean rest;

	/** Segment index of {@code {org}}, or -1. */
	final int orgIndex;

	/** Segment index of {@code {project}}, or -1. */
	final int projectIndex;

	final String text;

	private PathPattern(String text, List<String> segments, boolean rest, int orgIndex, int projectIndex) {
		this.text = text;
		this.segments = List.copyOf(segments);
		this.rest = rest;
		this.orgIndex = orgIndex;
		this.projectIndex = projectIndex;
	}

	static PathPattern parse(String text) {
		if (text == null || !text.startsWith("/")) {
			throw new InvalidUrlRuleException("a path pattern must start with '/': " + text);
		}
		String[] raw = text.substring(1).split("/", -1);
		List<String> segments = new ArrayList<>();
		boolean rest = false;
		int orgIndex = -1;
		int projectIndex = -1;
		for (int i = 0; i < raw.length; i++) {
			String segment = raw[i];
			if (segment.isEmpty()) {
				if (i == raw.length - 1) {
					continue;
				}
				throw new InvalidUrlRuleException("empty segment in path pattern: " + text);
			}
			if (segment.equals(REST)) {
				if (i != raw.length - 1) {
					throw new InvalidUrlRuleException("'**' is only allowed as the last segment: " + text);
				}
				rest = true;
			}
			else if (segment.equals(ANY_SEGMENT)) {
				segments.add(ANY_SEGMENT);
			}
			else if (segment.startsWith("{") && segment.endsWith("}")) {
				String name = segment.substring(1, segment.length() - 1);
				checkVariableName(name, text);
				if (name.equals("org")) {
					orgIndex = segments.size();
				}
				else if (name.equals("project")) {
					projectIndex = segments.size();
				}
				segments.add(ANY_SEGMENT);
			}
			else {
				segments.add(RequestPath.checkLiteral(segment, text));
			}
		}
		if (projectIndex >= 0 && orgIndex < 0) {
			throw new InvalidUrlRuleException("a pattern with {project} also needs {org}: " + text);
		}
		return new PathPattern(text, segments, rest, orgIndex, projectIndex);
	}

	private static void checkVariableName(String name, String text) {
		if (name.isEmpty()) {
			throw new InvalidUrlRuleException("empty variable name in path pattern: " + text);
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
				throw new InvalidUrlRuleException("variable names may only contain letters, digits, '_' and '-': "
						+ text);
			}
		}
	}

	/** Same shape as another pattern (so two rules for the same method would be ambiguous). */
	String shape() {
		return "/" + String.join("/", this.segments) + (this.rest ? "/**" : "");
	}
}
