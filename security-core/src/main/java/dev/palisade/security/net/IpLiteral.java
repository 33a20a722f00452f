package dev.palisade.security.net;

/**
 * Parses IPv4 and IPv6 address literals into their raw bytes without ever touching DNS.
 * <p>
 * Written by hand because Java 17 has no literal-only parser ({@code InetAddress.ofLiteral}
 * arrived in Java 22; {@code InetAddress.getByName} falls back to a DNS lookup for anything
 * that is not a literal) and the project has no Guava. Strict on purpose: IPv4 parts must be
 * plain decimal without leading zeros (so {@code 010.0.0.1} is not silently read as octal), no
 * regular expressions are used, and every method returns {@code null} for bad input instead
 * of throwing.
 */
final class IpLiteral {

	private static final int MAX_LITERAL_LENGTH = 64;

	private IpLiteral() {
	}

	/**
	 * Parses {@code 192.0.2.1}, {@code 2001:db8::1}, {@code [2001:db8::1]} or
	 * {@code fe80::1%eth0} (the zone is dropped) into 4 or 16 bytes.
	 * @return the address bytes, or {@code null} if {@code text} is not an address literal
	 */
	static byte[] parse(String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_LITERAL_LENGTH) {
			return null;
		}
		String s = text;
		if (s.charAt(0) == '[') {
			if (s.charAt(s.length() - 1) != ']') {
				return null;
			}
			s = s.substring(1, s.length() - 1);
			if (s.indexOf(':') < 0) {
				return null;
			}
		}
		if (s.indexOf(':') >= 0) {
			int zone = s.indexOf('%');
			if (zone >= 0) {
				if (zone == s.length() - 1) {
					return null;
				}
				s = s.substring(0, zone);
			}
			return parseIpv6(s);
		}
		return parseIpv4(s, 0, s.length());
	}

	static byte[] parseIpv4(String s, int from, int to) {
		byte[] out = new byte[4];
		int part = 0;
		int value = 0;
		int digits = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c == '.') {
				if (digits == 0 || part == 3) {
					return null;
				}
				out[part++] = (byte) value;
				value = 0;
				digits = 0;
			}
			else if (c >= '0' && c <= '9') {
				if (digits == 1 && value == 0) {
					return null; // leading zero: ambiguous (octal in some parsers)
				}
				value = value * 10 + (c - '0');
				digits++;
				if (value > 255) {
					return null;
				}
			}
			else {
				return null;
			}
		}
		if (digits == 0 || part != 3) {
			return null;
		}
		out[3] = (byte) value;
		return out;
	}

	private static byte[] parseIpv6(String s) {
		int doubleColon = s.indexOf("::");
		if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
			return null;
		}
		int[] head;
		int[] tail;
		if (doubleColon < 0) {
			head = groups(s, 0, s.length(), true);
			if (head == null || head.length != 8) {
				return null;
			}
			tail = new int[0];
		}
		else {
			head = groups(s, 0, doubleColon, false);
			tail = groups(s, doubleColon + 2, s.length(), true);
			if (head == null || tail == null || head.length + tail.length > 7) {
				return null;
			}
		}
		byte[] out = new byte[16];
		for (int i = 0; i < head.length; i++) {
			out[2 * i] = (byte) (head[i] >>> 8);
			out[2 * i + 1] = (byte) head[i];
		}
		int offset = 8 - tail.length;
		for (int i = 0; i < tail.length; i++) {
			out[2 * (offset + i)] = (byte) (tail[i] >>> 8);
			out[2 * (offset + i) + 1] = (byte) tail[i];
		}
		return out;
	}

	/** Parses colon-separated 16-bit hex groups; an IPv4 tail counts as two groups. */
	private static int[] groups(String s, int from, int to, boolean ipv4TailAllowed) {
		if (from == to) {
			return new int[0];
		}
		int[] out = new int[8];
		int count = 0;
		int start = from;
		while (true) {
			int end = s.indexOf(':', start);
			if (end < 0 || end > to) {
				end = to;
			}
			boolean last = (end == to);
			if (end == start) {
				return null; // empty group
			}
			if (last && ipv4TailAllowed && s.indexOf('.', start) >= 0 && s.indexOf('.', start) < to) {
				byte[] v4 = parseIpv4(s, start, end);
				if (v4 == null || count + 2 > 8) {
					return null;
				}
				out[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
				out[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
			}
			else {
				if (end - start > 4 || count == 8) {
					return null;
				}
				int value = 0;
				for (int i = start; i < end; i++) {
					int digit = Character.digit(s.charAt(i), 16);
					if (digit < 0) {
						return null;
					}
					value = (value << 4) | digit;
				}
				out[count++] = value;
			}
			if (last) {
				break;
			}
			start = end + 1;
			if (start == to) {
				return null; // trailing single colon
			}
		}
		int[] result = new int[count];
		System.arraycopy(out, 0, result, 0, count);
		return result;
	}
}
