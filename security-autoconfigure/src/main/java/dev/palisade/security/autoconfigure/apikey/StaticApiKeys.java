package dev.palisade.security.autoconfigure.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.apikey.ApiKeyException;
import dev.palisade.security.apikey.ApiKeyHash;
import dev.palisade.security.apikey.ApiKeyRecord;
import dev.palisade.security.apikey.StaticApiKeyStore;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyProperties.StaticKey;
import dev.palisade.security.principal.PrincipalKind;

/** Turns {@code palisade.api-keys.static-keys} into a {@link StaticApiKeyStore}. */
final class StaticApiKeys {

	// declared keys have no creation time of their own; the epoch keeps any declared expiry valid
	private static final Instant DECLARED = Instant.EPOCH;

	private StaticApiKeys() {
	}

	static StaticApiKeyStore store(PalisadeApiKeyProperties properties) {
		List<ApiKeyRecord> records = new ArrayList<>();
		for (int i = 0; i < properties.staticKeys().size(); i++) {
			records.add(record(properties.staticKeys().get(i), properties.pepperId(),
					"palisade.api-keys.static-keys[" + i + "]"));
		}
		try {
			return new StaticApiKeyStore(records);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.static-keys", "two keys have the same id",
					"Give every entry of palisade.api-keys.static-keys a distinct id.");
		}
	}

	private static ApiKeyRecord record(StaticKey key, String defaultPepperId, String property) {
		String pepperId = (key.pepperId() != null) ? key.pepperId() : defaultPepperId;
		ApiKeyHash hash;
		try {
			hash = ApiKeyHash.fromBase64(pepperId, (key.hash() != null) ? key.hash() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidApiKeyConfigurationException(property + ".hash", "a declared hash is not Base64 of 32 bytes",
					"Set " + property + ".hash to the Base64 HMAC-SHA256 of the key with the pepper: printf %s \"$KEY\""
							+ " | openssl dgst -sha256 -hmac \"$PEPPER\" -binary | base64");
		}
		try {
			return new ApiKeyRecord(key.id(), (key.name() != null) ? key.name() : key.id(), key.owner(),
					PrincipalKind.valueOf(key.ownerKind().name()), key.org(), key.project(), key.scopes(), hash,
					key.hint(), DECLARED, key.expiresAt(), null, key.revokedAt(), null, null, key.plan());
		}
		catch (ApiKeyException | NullPointerException ex) {
			throw new InvalidApiKeyConfigurationException(property, "a declared key is incomplete or not valid",
					"Give " + property + " an id, an owner, an org, scopes of the form resource:action and a hash.");
		}
	}
}
