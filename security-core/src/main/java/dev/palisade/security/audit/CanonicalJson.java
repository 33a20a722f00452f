package dev.palisade.security.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small deterministic JSON writer: object keys sorted by {@link String#compareTo}, no
 * whitespace, one fixed escape for every character that needs one, {@code null} members of
 * fixed-shape objects omitted by the caller.
 * <p>
 * Hand-written on purpose: record MACs and hashes are computed over these bytes, so they must
 * not change when a JSON library changes its formatting, escaping or number output.
 */
final class CanonicalJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final StringBuilder out;

	CanonicalJson(StringBuilder out) {
		this.out = out;
	}

	/** Writes {@code "name":} preceded by a comma unless {@code first}. */
	CanonicalJson name(String name, boolean first) {
		if (!first) {
			this.out.append(',');
		}
		string(name);
		this.out.append(':');
		return this;
	}

	/** Writes a quoted, escaped string. */
	CanonicalJson string(String value) {
		this.out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> this.out.append("\\\"");
				case '\\' -> this.out.append("\\\\");
				case '\n' -> this.out.append("\\n");
				case '\r' -> this.out.append("\\r");
				case '\t' -> this.out.append("\\t");
				case '\b' -> this.out.append("\\b");
				case '\f' -> this.out.append("\\f");
				default -> {
					if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
						unicodeEscape(c);
					}
					else {
						this.out.append(c);
					}
				}
			}
		}
		this.out.append('"');
		return this;
	}

	/** Writes any value produced by {@link Redactor}: null, boolean, number, string, map or list. */
	void value(Object value) {
		if (value == null) {
			this.out.append("null");
		}
		else if (value instanceof Boolean bool) {
			this.out.append(bool.booleanValue());
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			this.out.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			this.out.append(decimal.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
			this.out.append('{');
			boolean first = true;
			for (Map.Entry<String, Object> entry : sorted.entrySet()) {
				name(entry.getKey(), first);
				value(entry.getValue());
				first = false;
			}
			this.out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			this.out.append('[');
			boolean first = true;
			for (Object element : list) {
				if (!first) {
					this.out.append(',');
				}
				value(element);
				first = false;
			}
			this.out.append(']');
		}
		else {
			string(value.toString());
		}
	}

	private void unicodeEscape(char c) {
		this.out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
			.append(HEX[c & 0xF]);
	}

	private static boolean isLoneSurrogate(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
		}
		return false;
	}
}
