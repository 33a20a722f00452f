package dev.palisade.sample.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.palisade.security.apikey.ApiKeySummary;

/**
 * A key as the API shows it: masked ({@code pal_...AbC1}), never the secret or its hash.
 *
 * @param id the public key id
 * @param name the label
 * @param maskedKey prefix and last four characters
 * @param owner who the key acts for
 * @param ownerKind user or service
 * @param org the organisation
 * @param project the project, or null
 * @param scopes the permissions the key carries
 * @param status valid, expired or revoked
 * @param createdAt creation time
 * @param expiresAt expiry, or null
 * @param lastUsedAt latest recorded use, or null
 * @param revokedAt revocation time, or null
 * @param graceUntil end of the rotation grace period, or null
 * @param rotatedFrom the key this one replaced, or null
 */
record ApiKeyView(String id, String name, String maskedKey, String owner, String ownerKind, String org,
		String project, List<String> scopes, String status, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt, Instant graceUntil, String rotatedFrom) {

	static ApiKeyView of(ApiKeySummary key) {
		return new ApiKeyView(key.id(), key.name(), key.maskedKey(), key.ownerSubject(), key.ownerKind().wireName(),
				key.org(), key.project(), key.scopes().stream().sorted().toList(),
				key.status().name().toLowerCase(Locale.ROOT), key.createdAt(), key.expiresAt(), key.lastUsedAt(),
				key.revokedAt(), key.graceUntil(), key.rotatedFrom());
	}
}
