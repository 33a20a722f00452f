package dev.palisade.security.apikey;

import java.util.Objects;

/**
 * A newly created key: the plaintext, to be shown to its owner exactly once and never stored,
 * and the key's {@link ApiKeySummary}. {@link #toString()} shows only the masked form.
 */
public final class GeneratedApiKey {

	private final String plaintext;

	private final ApiKeySummary summary;

	GeneratedApiKey(String plaintext, ApiKeySummary summary) {
		this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
		this.summary = Objects.requireNonNull(summary, "summary");
	}

	/** The full key. Show it once, in the creation response; it cannot be recovered later. */
	public String plaintext() {
		return this.plaintext;
	}

	/** The public key id. */
	public String keyId() {
		return this.summary.id();
	}

	/** The stored metadata, with the masked key. */
	public ApiKeySummary summary() {
		return this.summary;
	}

	@Override
	public String toString() {
		return "GeneratedApiKey[id=" + keyId() + ", key=" + this.summary.maskedKey() + "]";
	}

}
