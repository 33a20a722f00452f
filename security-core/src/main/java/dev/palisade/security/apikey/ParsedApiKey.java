package dev.palisade.security.apikey;

/**
 * A presented key that has the right shape and a correct checksum. Passing the checksum
 * proves nothing about authenticity: the secret is only checked against the store's HMAC.
 *
 * @param keyId the public key id, used to look the key up
 * @param presented the full presented key (secret material: never log it)
 */
public record ParsedApiKey(String keyId, String presented) {

	@Override
	public String toString() {
		return "ParsedApiKey[keyId=" + this.keyId + ", presented=***]";
	}

}
