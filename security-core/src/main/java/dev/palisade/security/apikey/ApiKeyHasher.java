package dev.palisade.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.palisade.security.crypto.keyring.Keyring;

/**
 * Computes and checks the at-rest form of API keys, {@code HMAC-SHA256(pepper, full key)}, with a
 * {@link Keyring} of peppers: new hashes use the primary pepper and store its id, hashes made with
 * any other enabled pepper still verify (pepper rotation), and a disabled or destroyed pepper's
 * hashes stop matching. Thread-safe. The hash is the standard HMAC of the key's ASCII bytes, so an
 * operator can compute one offline ({@code printf %s "$KEY" | openssl dgst -sha256 -hmac ...}).
 */
public final class ApiKeyHasher {

	private static final String ALGORITHM = "HmacSHA256";

	private final String currentPepperId;

	private final Map<String, ThreadLocal<Mac>> macs;

	private final String keyringText;

	/**
	 * @param peppers the peppers by id; the primary makes new hashes, the other enabled ones verify
	 * @throws IllegalArgumentException if a keyring id differs from its pepper's id
	 */
	public ApiKeyHasher(Keyring<Pepper> peppers) {
		Objects.requireNonNull(peppers, "peppers");
		Map<String, ThreadLocal<Mac>> byId = new LinkedHashMap<>();
		for (Pepper pepper : peppers.enabledKeys()) {
			byId.put(pepper.id(), macFor(pepper));
		}
		for (Keyring.Entry<Pepper> entry : peppers.entries()) {
			if (entry.key() != null && !entry.key().id().equals(entry.keyId())) {
				throw new IllegalArgumentException("keyring id " + entry.keyId() + " differs from its pepper's id");
			}
		}
		this.currentPepperId = peppers.primaryId();
		this.macs = Map.copyOf(byId);
		this.keyringText = peppers.toString();
	}

	/**
	 * @param current the pepper for new hashes
	 * @param previous peppers of existing hashes that must keep verifying
	 * @throws IllegalArgumentException if two peppers share an id
	 */
	public ApiKeyHasher(Pepper current, List<Pepper> previous) {
		this(keyring(current, previous));
	}

	/** A hasher with a single pepper. */
	public ApiKeyHasher(Pepper current) {
		this(current, List.of());
	}

	/** The at-rest hash of {@code key} with the current pepper. */
	public ApiKeyHash hash(String key) {
		Objects.requireNonNull(key, "key");
		return new ApiKeyHash(this.currentPepperId, hmac(this.macs.get(this.currentPepperId), key));
	}

	/**
	 * Whether {@code presented} hashes to {@code stored}, compared in constant time. A hash made
	 * with a pepper that is no longer configured never matches (fail closed).
	 */
	public boolean matches(String presented, ApiKeyHash stored) {
		ThreadLocal<Mac> mac = this.macs.get(stored.pepperId());
		if (mac == null || presented == null) {
			return false;
		}
		return stored.matches(hmac(mac, presented));
	}

	private static Keyring<Pepper> keyring(Pepper current, List<Pepper> previous) {
		Objects.requireNonNull(current, "current");
		Objects.requireNonNull(previous, "previous");
		Keyring.Builder<Pepper> builder = Keyring.<Pepper>builder().add(current.id(), current).primary(current.id());
		for (Pepper pepper : previous) {
			builder.add(pepper.id(), pepper);
		}
		return builder.build();
	}

	private static byte[] hmac(ThreadLocal<Mac> mac, String key) {
		return mac.get().doFinal(key.getBytes(StandardCharsets.UTF_8));
	}

	private static ThreadLocal<Mac> macFor(Pepper pepper) {
		SecretKeySpec keySpec = new SecretKeySpec(pepper.secret(), ALGORITHM);
		newMac(keySpec); // fail at construction, not on the first request
		return ThreadLocal.withInitial(() -> newMac(keySpec));
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "ApiKeyHasher[currentPepperId=" + this.currentPepperId + ", peppers=" + this.keyringText + "]";
	}

}
