package dev.palisade.security.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the {@code for} node of every element of RFC 7239 {@code Forwarded} header values,
 * left to right. Written by hand: the JDK has no parser for it, and quoted strings (which may
 * contain commas and semicolons) rule out naive splitting. Never throws: an element that is
 * malformed or has no {@code for} parameter yields {@code null} at its position, so the caller
 * stops trusting the chain there.
 */
final class ForwardedHeaderParser {

	private ForwardedHeaderParser() {
	}

	static List<String> forNodes(List<String> headerValues) {
		List<String> nodes = new ArrayList<>();
		if (headerValues == null) {
			return nodes;
		}
		for (String value : headerValues) {
			if (value != null) {
				parseValue(value, nodes);
			}
		}
		return nodes;
	}

	private static void parseValue(String value, List<String> nodes) {
		int i = 0;
		int n = value.length();
		while (i <= n) {
			// one element: pair *( ";" pair ), up to an unquoted comma
			String forNode = null;
			boolean malformed = false;
			boolean empty = true;
			while (true) {
				i = skipSpaces(value, i);
				if (i >= n || value.charAt(i) == ',') {
					break;
				}
				empty = false;
				int nameStart = i;
				while (i < n && isTokenChar(value.charAt(i))) {
					i++;
				}
				String name = value.substring(nameStart, i);
				if (name.isEmpty() || i >= n || value.charAt(i) != '=') {
					malformed = true;
					i = skipToElementEnd(value, i);
					break;
				}
				i++;
				String parameter;
				if (i < n && value.charAt(i) == '"') {
					StringBuilder quoted = new StringBuilder();
					i++;
					boolean closed = false;
					while (i < n) {
						char c = value.charAt(i++);
						if (c == '\\' && i < n) {
							quoted.append(value.charAt(i++));
						}
						else if (c == '"') {
							closed = true;
							break;
						}
						else {
							quoted.append(c);
						}
					}
					if (!closed) {
						malformed = true;
						i = n;
						break;
					}
					parameter = quoted.toString();
				}
				else {
					int valueStart = i;
					while (i < n && isTokenChar(value.charAt(i))) {
						i++;
					}
					parameter = value.substring(valueStart, i);
				}
				if (name.equalsIgnoreCase("for")) {
					if (forNode != null) {
						malformed = true; // a second "for" in one element is not allowed
					}
					forNode = parameter;
				}
				i = skipSpaces(value, i);
				if (i < n && value.charAt(i) == ';') {
					i++;
				}
				else if (i < n && value.charAt(i) != ',') {
					malformed = true;
					i = skipToElementEnd(value, i);
					break;
				}
			}
			if (!empty || malformed) {
				nodes.add(malformed ? null : forNode);
			}
			i++; // past the comma (or past the end, which ends the loop)
		}
	}

	private static int skipSpaces(String s, int i) {
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	private static int skipToElementEnd(String s, int i) {
		boolean quoted = false;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				return i;
			}
			i++;
		}
		return i;
	}

	/** RFC 7230 tchar. */
	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}
}
