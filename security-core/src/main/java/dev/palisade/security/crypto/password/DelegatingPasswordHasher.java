package dev.palisade.security.crypto.password;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stores hashes as {@code {id}<encoded>} and routes each stored hash to the hasher of its id, so
 * one user table can hold hashes of several ages: new hashes use the default id, old ones keep
 * verifying and are flagged by {@link #needsRehash} for upgrade on the next successful sign-in.
 * Spring Security's {@code DelegatingPasswordEncoder} uses the same prefix format.
 * <p>
 * Passwords are checked against the {@link PasswordPolicy} before any hashing: {@link #hash}
 * throws {@link PasswordRejectedException}, {@link #matches} returns {@code false} without calling
 * any hasher.
 * <p>
 * Bad stored data never throws: a missing or unknown id, a malformed or out-of-bounds hash, or an
 * exception from a hasher gives {@code false} from {@link #matches} (unlike Spring's encoder,
 * which throws for an unknown id) and {@code true} from {@link #needsRehash}.
 */
public final class DelegatingPasswordHasher implements PasswordHasher {

	private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");

	private final String defaultId;

	private final PasswordHasher defaultHasher;

	private final Map<String, PasswordHasher> hashersById;

	private final PasswordPolicy policy;

	/**
	 * @param defaultId the id used for new hashes; must be a key of {@code hashersById}
	 * @param hashersById the hashers that can verify stored hashes, by id ({@code [a-z0-9-]+})
	 * @param policy limits checked before any hashing
	 */
	public DelegatingPasswordHasher(String defaultId, Map<String, ? extends PasswordHasher> hashersById,
			PasswordPolicy policy) {
		if (defaultId == null || hashersById == null || policy == null) {
			throw new NullPointerException("defaultId, hashersById and policy are required");
		}
		Map<String, PasswordHasher> copy = new LinkedHashMap<>();
		hashersById.forEach((id, hasher) -> {
			if (id == null || !ID.matcher(id).matches()) {
				throw new IllegalArgumentException("Password hasher ids must match [a-z0-9-]{1,32}");
			}
			if (hasher == null) {
				throw new NullPointerException("hasher for id " + id);
			}
			copy.put(id, hasher);
		});
		if (!copy.containsKey(defaultId)) {
			throw new IllegalArgumentException("No hasher registered for the default id '" + defaultId + "'");
		}
		this.defaultId = defaultId;
		this.defaultHasher = copy.get(defaultId);
		this.hashersById = Map.copyOf(copy);
		this.policy = policy;
	}

	/**
	 * The recommended set-up: Argon2id for new hashes, scrypt, PBKDF2-HMAC-SHA256 and bcrypt for
	 * verifying older ones, all with OWASP parameters, and {@link PasswordPolicy#defaults()}.
	 */
	public static DelegatingPasswordHasher createDefault() {
		Map<String, PasswordHasher> hashers = new LinkedHashMap<>();
		hashers.put(Argon2idHasher.ID, new Argon2idHasher());
		hashers.put(ScryptHasher.ID, new ScryptHasher());
		hashers.put(Pbkdf2Hasher.ID, new Pbkdf2Hasher());
		hashers.put(BcryptHasher.ID, new BcryptHasher());
		return new DelegatingPasswordHasher(Argon2idHasher.ID, hashers, PasswordPolicy.defaults());
	}

	/** The id written on new hashes. */
	public String defaultId() {
		return this.defaultId;
	}

	/** The limits checked before any hashing. */
	public PasswordPolicy policy() {
		return this.policy;
	}

	@Override
	public String hash(CharSequence raw) {
		this.policy.check(raw);
		return "{" + this.defaultId + "}" + this.defaultHasher.hash(raw);
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		if (!this.policy.accepts(raw)) {
			return false;
		}
		String id = idOf(encoded);
		PasswordHasher hasher = (id != null) ? this.hashersById.get(id) : null;
		if (hasher == null) {
			return false;
		}
		try {
			return hasher.matches(raw, encoded.substring(id.length() + 2));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public boolean needsRehash(String encoded) {
		String id = idOf(encoded);
		if (!this.defaultId.equals(id)) {
			return true;
		}
		try {
			return this.defaultHasher.needsRehash(encoded.substring(id.length() + 2));
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	/** Whether a stored hash carries the id of a registered hasher. */
	boolean recognizes(String encoded) {
		String id = idOf(encoded);
		return id != null && this.hashersById.containsKey(id);
	}

	@Override
	public String toString() {
		return "DelegatingPasswordHasher[default=" + this.defaultId + ", hashers=" + this.hashersById + ", maxLength="
				+ this.policy.maxLength() + "]";
	}

	/** The id between the leading braces, or {@code null} if there is none. */
	private static String idOf(String encoded) {
		if (encoded == null || !encoded.startsWith("{")) {
			return null;
		}
		int end = encoded.indexOf('}');
		if (end < 2 || end > 33) {
			return null;
		}
		String id = encoded.substring(1, end);
		return ID.matcher(id).matches() ? id : null;
	}
}
