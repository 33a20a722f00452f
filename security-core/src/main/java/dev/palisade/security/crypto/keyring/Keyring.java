package dev.palisade.security.crypto.keyring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of keys of one kind, in the style of Google Tink's keyset: every key has an id
 * and a {@link KeyStatus}, exactly one enabled key is the primary and makes new outputs, and every
 * output carries the id of the key that made it, so the checking side picks that key by id instead of
 * trying them all. Rotation is two steps that each take effect without downtime: {@link #withAdded}
 * makes a new key known (it already checks, and a public key is already published) and
 * {@link #withPrimary} later promotes it; the old primary stays enabled until it is disabled or
 * destroyed. Palisade uses it for token signing keys, API-key peppers and audit MAC and checkpoint keys.
 * <p>
 * {@link #toString()} shows ids and statuses only; the key objects are never printed.
 *
 * @param <K> the key type (a signing key, a MAC key, a pepper)
 */
public final class Keyring<K> {

	private static final int MAX_KEY_ID_LENGTH = 256;

	private final String primaryId;

	private final Map<String, Entry<K>> entries;

	private Keyring(String primaryId, Map<String, Entry<K>> entries) {
		Entry<K> primary = entries.get(primaryId);
		if (primary == null) {
			throw new InvalidKeyringException("The primary key '" + primaryId + "' is not in the keyring");
		}
		if (primary.status() != KeyStatus.ENABLED) {
			throw new InvalidKeyringException(
					"The primary key '" + primaryId + "' is " + primary.status() + "; only an enabled key can be primary");
		}
		this.primaryId = primaryId;
		this.entries = Collections.unmodifiableMap(entries);
	}

	/** A keyring of one key, which is the primary. */
	public static <K> Keyring<K> of(String keyId, K key) {
		return Keyring.<K>builder().add(keyId, key).primary(keyId).build();
	}

	/** A builder; keys keep the order they are added in. */
	public static <K> Builder<K> builder() {
		return new Builder<>();
	}

	/** The id of the key that makes new outputs. */
	public String primaryId() {
		return this.primaryId;
	}

	/** The key that makes new outputs. */
	public K primary() {
		return this.entries.get(this.primaryId).key();
	}

	/**
	 * The enabled key with this id, the one to check an output that names it. Disabled, destroyed
	 * and unknown ids give empty, so an output made with a retired key fails closed.
	 */
	public Optional<K> find(String keyId) {
		if (keyId == null) {
			return Optional.empty();
		}
		Entry<K> entry = this.entries.get(keyId);
		return (entry != null && entry.status() == KeyStatus.ENABLED) ? Optional.of(entry.key()) : Optional.empty();
	}

	/** The status of the key with this id, or empty when the id is unknown. */
	public Optional<KeyStatus> status(String keyId) {
		Entry<K> entry = (keyId != null) ? this.entries.get(keyId) : null;
		return (entry != null) ? Optional.of(entry.status()) : Optional.empty();
	}

	/** Every entry, in the order keys were added. */
	public List<Entry<K>> entries() {
		return List.copyOf(this.entries.values());
	}

	/** The enabled keys, primary first. */
	public List<K> enabledKeys() {
		List<K> keys = new ArrayList<>();
		keys.add(primary());
		for (Entry<K> entry : this.entries.values()) {
			if (entry.status() == KeyStatus.ENABLED && !entry.keyId().equals(this.primaryId)) {
				keys.add(entry.key());
			}
		}
		return keys;
	}

	/**
	 * A keyring that also holds {@code key}, enabled but not primary: it checks outputs (and a public
	 * key is published) from now on, and can be promoted once every party knows it.
	 * @throws InvalidKeyringException if the id is already used, even by a destroyed key
	 */
	public Keyring<K> withAdded(String keyId, K key) {
		Map<String, Entry<K>> copy = new LinkedHashMap<>(this.entries);
		put(copy, new Entry<>(checkId(keyId), KeyStatus.ENABLED, Objects.requireNonNull(key, "key")));
		return new Keyring<>(this.primaryId, copy);
	}

	/**
	 * A keyring whose primary is the enabled key {@code keyId}; the previous primary stays enabled.
	 * @throws InvalidKeyringException if the key is unknown or not enabled
	 */
	public Keyring<K> withPrimary(String keyId) {
		return new Keyring<>(keyId, new LinkedHashMap<>(this.entries));
	}

	/**
	 * A keyring in which key {@code keyId} has {@code status}. Destroying drops the key object and keeps
	 * the id.
	 * @throws InvalidKeyringException if the key is unknown, is the primary (promote another key first),
	 * or is destroyed and would be brought back
	 */
	public Keyring<K> withStatus(String keyId, KeyStatus status) {
		Objects.requireNonNull(status, "status");
		Entry<K> entry = (keyId != null) ? this.entries.get(keyId) : null;
		if (entry == null) {
			throw new InvalidKeyringException("No key '" + keyId + "' in the keyring");
		}
		if (keyId.equals(this.primaryId) && status != KeyStatus.ENABLED) {
			throw new InvalidKeyringException(
					"The primary key '" + keyId + "' cannot be " + status + "; make another key primary first");
		}
		if (entry.status() == KeyStatus.DESTROYED && status != KeyStatus.DESTROYED) {
			throw new InvalidKeyringException("The key '" + keyId + "' was destroyed; its material is gone");
		}
		Map<String, Entry<K>> copy = new LinkedHashMap<>(this.entries);
		copy.put(keyId, new Entry<>(keyId, status, (status == KeyStatus.DESTROYED) ? null : entry.key()));
		return new Keyring<>(this.primaryId, copy);
	}

	/**
	 * A keyring without the key {@code keyId} at all (its id may be reused later). Prefer
	 * {@link #withStatus} with {@link KeyStatus#DESTROYED} when outputs naming the id may still exist.
	 * @throws InvalidKeyringException if the key is the primary
	 */
	public Keyring<K> withRemoved(String keyId) {
		if (this.primaryId.equals(keyId)) {
			throw new InvalidKeyringException("The primary key '" + keyId + "' cannot be removed; make another key primary first");
		}
		Map<String, Entry<K>> copy = new LinkedHashMap<>(this.entries);
		copy.remove(keyId);
		return new Keyring<>(this.primaryId, copy);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("Keyring[primary=").append(this.primaryId).append(", keys={");
		String separator = "";
		for (Entry<K> entry : this.entries.values()) {
			text.append(separator).append(entry.keyId()).append('=').append(entry.status());
			separator = ", ";
		}
		return text.append("}]").toString();
	}

	private static <K> void put(Map<String, Entry<K>> entries, Entry<K> entry) {
		if (entries.putIfAbsent(entry.keyId(), entry) != null) {
			throw new InvalidKeyringException("Two keys share the key id '" + entry.keyId() + "'; key ids must be unique");
		}
	}

	private static String checkId(String keyId) {
		if (keyId == null || keyId.isBlank() || keyId.length() > MAX_KEY_ID_LENGTH) {
			throw new InvalidKeyringException("A key id must be 1 to " + MAX_KEY_ID_LENGTH + " characters");
		}
		for (int i = 0; i < keyId.length(); i++) {
			if (Character.isISOControl(keyId.charAt(i))) {
				throw new InvalidKeyringException("A key id must not contain control characters");
			}
		}
		return keyId;
	}

	/**
	 * One key with its id and status.
	 *
	 * @param keyId the id every output of this key carries
	 * @param status what the key may be used for
	 * @param key the key, or {@code null} once destroyed
	 * @param <K> the key type
	 */
	public record Entry<K>(String keyId, KeyStatus status, K key) {

		@Override
		public String toString() {
			return "Entry[keyId=" + this.keyId + ", status=" + this.status + "]";
		}
	}

	/**
	 * Collects keys, then {@link #build()}s the keyring.
	 *
	 * @param <K> the key type
	 */
	public static final class Builder<K> {

		private final Map<String, Entry<K>> entries = new LinkedHashMap<>();

		private String primaryId;

		private Builder() {
		}

		/** Adds an enabled key. */
		public Builder<K> add(String keyId, K key) {
			return add(keyId, KeyStatus.ENABLED, key);
		}

		/** Adds a key in {@code status}; a destroyed key's object is dropped. */
		public Builder<K> add(String keyId, KeyStatus status, K key) {
			Objects.requireNonNull(status, "status");
			K kept = (status == KeyStatus.DESTROYED) ? null : Objects.requireNonNull(key, "key");
			put(this.entries, new Entry<>(checkId(keyId), status, kept));
			return this;
		}

		/** Names the primary key; it must be added and enabled by the time {@link #build()} runs. */
		public Builder<K> primary(String keyId) {
			this.primaryId = keyId;
			return this;
		}

		/**
		 * The keyring.
		 * @throws InvalidKeyringException if no primary is named, or it is missing or not enabled
		 */
		public Keyring<K> build() {
			if (this.primaryId == null) {
				throw new InvalidKeyringException("A keyring needs a primary key");
			}
			return new Keyring<>(this.primaryId, new LinkedHashMap<>(this.entries));
		}
	}

}
