package dev.palisade.sample.apikeys;

/**
 * The answer to a create or rotate: the full key, shown this once, and its metadata.
 *
 * @param key the full key; store it now, it cannot be shown again
 * @param apiKey the key's metadata
 */
record CreatedApiKey(String key, ApiKeyView apiKey) {

	@Override
	public String toString() {
		return "CreatedApiKey[" + this.apiKey.maskedKey() + "]";
	}
}
