package dev.palisade.security.audit;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from audit details before anything is written, whatever the caller put in.
 * <p>
 * A value is replaced by {@value #REDACTED} when its <em>key</em> looks secret ({@code password},
 * {@code client_secret}, {@code X-Api-Key}, {@code Authorization}, {@code private-key}...,
 * compared case- and separator-insensitively) or when the <em>value</em> looks like a secret
 * (a JWT, a {@code Bearer}/{@code Basic} credential, a PEM block, a Palisade key {@code pal_...}
 * or refresh token {@code palrt_...}, a long hex or high-entropy base64 string, or text such as
 * {@code token=...}). Nested maps, lists and arrays are redacted recursively. Map keys become
 * strings and the result is a sorted, unmodifiable copy.
 * <p>
 * Written by hand: no library does key-and-value secret detection on plain maps.
 */
public final class Redactor {

	/** The replacement written instead of a secret value. */
	public static final String REDACTED = "[REDACTED]";

	/** Written instead of structures nested deeper than {@link #MAX_DEPTH}. */
	public static final String TOO_DEEP = "[TOO_DEEP]";

	/** Nesting depth beyond which values are not written (also stops cycles). */
	public static final int MAX_DEPTH = 16;

	private static final Set<String> DEFAULT_SECRET_KEY_PARTS = Set.of("password", "passwd", "passphrase", "pwd",
			"secret", "token", "apikey", "authorization", "auth", "cookie", "privatekey", "pepper", "credential",
			"sessionid", "accesskey", "signingkey", "hmackey", "encryptionkey", "masterkey", "otp", "pin", "cvv");

	private static final Set<String> NOT_SECRET_LAST_WORDS = Set.of("id", "ids", "count", "type", "length", "prefix",
			"hint", "name");

	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");

	private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(bearer|basic|digest|negotiate)\\s+[A-Za-z0-9._~+/=-]{8,}");

	private static final Pattern PALISADE_KEY = Pattern.compile("\\bpal(rt)?_[A-Za-z0-9_-]{8,}");

	private static final Pattern ASSIGNMENT = Pattern
		.compile("(?i)(password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)\\s*[=:]\\s*\\S");

	private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9+/=_-]{32,}");

	private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{40,}");

	private static final Redactor STANDARD = new Redactor(DEFAULT_SECRET_KEY_PARTS);

	private final Set<String> secretKeyParts;

	private Redactor(Set<String> secretKeyParts) {
		this.secretKeyParts = Set.copyOf(secretKeyParts);
	}

	/** The redactor every {@link AuditEvent} applies. */
	public static Redactor standard() {
		return STANDARD;
	}

	/** A redactor that also treats keys containing any of {@code extraKeyParts} as secret. */
	public static Redactor withExtraSecretKeys(Collection<String> extraKeyParts) {
		Set<String> parts = new LinkedHashSet<>(DEFAULT_SECRET_KEY_PARTS);
		for (String part : extraKeyParts) {
			parts.add(normalize(part));
		}
		return new Redactor(parts);
	}

	/** A sorted, unmodifiable, redacted copy of {@code details}; {@code null} becomes an empty map. */
	public Map<String, Object> redact(Map<?, ?> details) {
		if (details == null || details.isEmpty()) {
			return Map.of();
		}
		return redactMap(details, 0);
	}

	/** Whether a key names a secret (for example {@code client_secret}, {@code X-API-KEY}). */
	public boolean isSecretKey(String key) {
		List<String> words = words(key);
		String normalized = String.join("", words);
		if (normalized.endsWith("sessionid")) {
			return true;
		}
		if (!words.isEmpty() && NOT_SECRET_LAST_WORDS.contains(words.get(words.size() - 1))) {
			// identifiers and metadata about a secret (apiKeyId, token_type) are not the secret
			return false;
		}
		for (String part : this.secretKeyParts) {
			// short parts (pin, otp, pwd, auth) count only as whole words: "spinner" is not secret
			if (part.length() <= 4 ? words.contains(part) : normalized.contains(part)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a string value looks like a credential or key material. */
	public static boolean looksSecret(String value) {
		if (value.length() < 8) {
			return false;
		}
		if (value.contains("-----BEGIN") || JWT.matcher(value).find() || AUTH_SCHEME.matcher(value).find()
				|| PALISADE_KEY.matcher(value).find() || ASSIGNMENT.matcher(value).find()) {
			return true;
		}
		Matcher run = LONG_RUN.matcher(value);
		while (run.find()) {
			String candidate = run.group();
			if (HEX.matcher(candidate).matches() || isHighEntropyBase64(candidate)) {
				return true;
			}
		}
		return false;
	}

	private Map<String, Object> redactMap(Map<?, ?> map, int depth) {
		Map<String, Object> out = new TreeMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			out.put(key, isSecretKey(key) ? REDACTED : redactValue(entry.getValue(), depth + 1));
		}
		return Collections.unmodifiableMap(out);
	}

	private Object redactValue(Object value, int depth) {
		if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte || value instanceof BigInteger
				|| value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(((Number) value).doubleValue());
		}
		if (value instanceof byte[] || value instanceof char[]) {
			return REDACTED;
		}
		if (depth > MAX_DEPTH) {
			return TOO_DEEP;
		}
		if (value instanceof Map<?, ?> map) {
			return redactMap(map, depth);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> out = new ArrayList<>(collection.size());
			for (Object element : collection) {
				out.add(redactValue(element, depth + 1));
			}
			return Collections.unmodifiableList(out);
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> out = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				out.add(redactValue(Array.get(value, i), depth + 1));
			}
			return Collections.unmodifiableList(out);
		}
		String text = (value instanceof CharSequence) ? value.toString() : String.valueOf(value);
		return looksSecret(text) ? REDACTED : text;
	}

	private static boolean isHighEntropyBase64(String candidate) {
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		int[] counts = new int[128];
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			upper |= c >= 'A' && c <= 'Z';
			lower |= c >= 'a' && c <= 'z';
			digit |= c >= '0' && c <= '9';
			counts[c]++;
		}
		if (!(upper && lower && digit)) {
			return false;
		}
		double entropy = 0;
		for (int count : counts) {
			if (count > 0) {
				double p = (double) count / candidate.length();
				entropy -= p * (Math.log(p) / Math.log(2));
			}
		}
		return entropy >= 4.0;
	}

	private static String normalize(String key) {
		return String.join("", words(key));
	}

	/** Lower-case words of a key, split at separators and camelCase humps. */
	private static List<String> words(String key) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!Character.isLetterOrDigit(c)) {
				flush(word, words);
				continue;
			}
			if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
				flush(word, words);
			}
			word.append(Character.toLowerCase(c));
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (word.length() > 0) {
			words.add(word.toString().toLowerCase(Locale.ROOT));
			word.setLength(0);
		}
	}
}
