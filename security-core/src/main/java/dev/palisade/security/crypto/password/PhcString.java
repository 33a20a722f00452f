package dev.palisade.security.crypto.password;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed PHC string ({@code $id[$v=19]$k=v,k=v$salt$hash}, salt and hash in standard Base64
 * without padding), as written by the Argon2 reference implementation and passlib. Hand-written
 * because BouncyCastle derives keys but has no PHC codec, and the format is a few lines. Parsing
 * is strict (canonical decimals, canonical Base64, no padding, no empty salt or hash) and throws
 * {@link IllegalArgumentException} with a message that never quotes the input.
 *
 * @param id the algorithm id, for example {@code argon2id}
 * @param version the {@code v=} value, or {@code -1} when the string has no version segment
 * @param params the parameters in their written order
 * @param salt the salt bytes
 * @param hash the hash bytes
 */
record PhcString(String id, int version, Map<String, Integer> params, byte[] salt, byte[] hash) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

	private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,9}");

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+");

	PhcString {
		params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

	static PhcString parse(String encoded) {
		if (encoded == null || encoded.length() > 1024 || !encoded.startsWith("$")) {
			throw new IllegalArgumentException("not a PHC string");
		}
		String[] parts = encoded.split("\\$", -1);
		if (parts.length != 5 && parts.length != 6) {
			throw new IllegalArgumentException("wrong number of PHC fields");
		}
		String id = requireName(parts[1]);
		int next = 2;
		int version = -1;
		if (parts.length == 6) {
			String[] versionField = parts[next++].split("=", -1);
			if (versionField.length != 2 || !versionField[0].equals("v")) {
				throw new IllegalArgumentException("malformed PHC version field");
			}
			version = decimal(versionField[1]);
		}
		Map<String, Integer> params = new LinkedHashMap<>();
		for (String pair : parts[next++].split(",", -1)) {
			String[] kv = pair.split("=", -1);
			if (kv.length != 2 || params.put(requireName(kv[0]), decimal(kv[1])) != null) {
				throw new IllegalArgumentException("malformed PHC parameter");
			}
		}
		byte[] salt = base64(parts[next++]);
		byte[] hash = base64(parts[next]);
		return new PhcString(id, version, params, salt, hash);
	}

	/** Writes a PHC string; {@code version} {@code -1} leaves out the version segment. */
	static String format(String id, int version, Map<String, Integer> params, byte[] salt, byte[] hash) {
		StringBuilder out = new StringBuilder(96).append('$').append(id);
		if (version >= 0) {
			out.append("$v=").append(version);
		}
		out.append('$');
		String separator = "";
		for (Map.Entry<String, Integer> param : params.entrySet()) {
			out.append(separator).append(param.getKey()).append('=').append(param.getValue());
			separator = ",";
		}
		Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
		return out.append('$').append(encoder.encodeToString(salt)).append('$').append(encoder.encodeToString(hash))
			.toString();
	}

	/** The value of a parameter that must be present. */
	int param(String name) {
		Integer value = this.params.get(name);
		if (value == null) {
			throw new IllegalArgumentException("missing PHC parameter");
		}
		return value;
	}

	private static String requireName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("malformed PHC name");
		}
		return name;
	}

	private static int decimal(String digits) {
		if (!DECIMAL.matcher(digits).matches()) {
			throw new IllegalArgumentException("malformed PHC number");
		}
		long value = Long.parseLong(digits);
		if (value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("PHC number out of range");
		}
		return (int) value;
	}

	private static byte[] base64(String text) {
		if (!BASE64.matcher(text).matches()) {
			throw new IllegalArgumentException("malformed PHC Base64 field");
		}
		byte[] bytes = Base64.getDecoder().decode(text);
		// reject non-canonical encodings (stray low bits in the last character)
		if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
			throw new IllegalArgumentException("non-canonical PHC Base64 field");
		}
		return bytes;
	}

	@Override
	public String toString() {
		return "PhcString[id=" + this.id + ", version=" + this.version + ", params=" + this.params + "]";
	}
}
