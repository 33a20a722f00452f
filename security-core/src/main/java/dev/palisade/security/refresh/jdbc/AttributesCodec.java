package dev.palisade.security.refresh.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import dev.palisade.security.refresh.RefreshTokenStoreException;

/**
 * Grant attributes in one text column as {@code application/x-www-form-urlencoded}: a standard
 * the JDK encodes and decodes, so core needs no JSON library for a flat string map.
 */
final class AttributesCodec {

	private AttributesCodec() {
	}

	static String encode(Map<String, String> attributes) {
		StringJoiner out = new StringJoiner("&");
		new TreeMap<>(attributes).forEach((key, value) -> out
			.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return out.toString();
	}

	/**
	 * The attributes of a stored family.
	 * @throws RefreshTokenStoreException if the column was not written by {@link #encode} (a row
	 * edited by hand or damaged): the store answers as unavailable, never with a parse error
	 */
	static Map<String, String> decode(String text) {
		Map<String, String> attributes = new HashMap<>();
		if (text == null || text.isEmpty()) {
			return attributes;
		}
		try {
			for (String pair : text.split("&")) {
				int eq = pair.indexOf('=');
				if (eq <= 0) {
					throw new IllegalArgumentException("no name=value pair");
				}
				attributes.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		catch (IllegalArgumentException ex) {
			throw new RefreshTokenStoreException("A refresh-token family's attributes column is damaged", ex);
		}
		return attributes;
	}
}
