package dev.palisade.security.secrets;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of a secret: its fields, such as {@code access_key_id} and {@code secret_access_key}.
 * {@link #toString()} names the fields only, never a value.
 *
 * @param path where it lives
 * @param version its version, from 1
 * @param createdAt when this version was written
 * @param data the fields, in the order they were written
 */
public record Secret(SecretPath path, long version, Instant createdAt, Map<String, String> data) {

	/** The most fields a secret may have. */
	public static final int MAX_FIELDS = 64;

	/** The longest value of one field, in characters. */
	public static final int MAX_VALUE_LENGTH = 65_536;

	private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

	public Secret {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(createdAt, "createdAt");
		data = checkData(data);
	}

	/** The value of {@code field}, or {@code null}. */
	public String field(String field) {
		return this.data.get(field);
	}

	/**
	 * A checked, unmodifiable copy of {@code data}.
	 * @throws InvalidSecretException if it is empty, too large, or a field name or value is not accepted
	 */
	public static Map<String, String> checkData(Map<String, String> data) {
		if (data == null || data.isEmpty() || data.size() > MAX_FIELDS) {
			throw new InvalidSecretException("A secret has 1 to " + MAX_FIELDS + " fields");
		}
		Map<String, String> copy = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : data.entrySet()) {
			if (entry.getKey() == null || !FIELD.matcher(entry.getKey()).matches()) {
				throw new InvalidSecretException("A secret field name is 1 to 128 letters, digits, '.', '_' or '-'");
			}
			if (entry.getValue() == null || entry.getValue().length() > MAX_VALUE_LENGTH) {
				throw new InvalidSecretException(
						"The field '" + entry.getKey() + "' must have a value of at most " + MAX_VALUE_LENGTH + " characters");
			}
			copy.put(entry.getKey(), entry.getValue());
		}
		return Collections.unmodifiableMap(copy);
	}

	@Override
	public String toString() {
		return "Secret[path=" + this.path + ", version=" + this.version + ", fields=" + this.data.keySet() + "]";
	}

}
