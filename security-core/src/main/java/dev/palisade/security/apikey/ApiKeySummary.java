package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;

/**
 * A key as shown in listings: metadata and a masked form ({@code pal_...AbC1}), never the secret
 * or its hash.
 *
 * @param id the public key id
 * @param name the key's label
 * @param maskedKey prefix and last four characters of the key
 * @param ownerSubject the user or service account the key acts for
 * @param ownerKind {@link PrincipalKind#USER} or {@link PrincipalKind#SERVICE}
 * @param org the organisation
 * @param project the project, or {@code null}
 * @param scopes the permissions the key carries
 * @param status {@link ApiKeyOutcome#VALID}, {@link ApiKeyOutcome#EXPIRED} or {@link ApiKeyOutcome#REVOKED} when listed
 * @param createdAt creation time
 * @param expiresAt expiry, or {@code null}
 * @param lastUsedAt latest recorded use, or {@code null}
 * @param revokedAt revocation time, or {@code null}
 * @param graceUntil end of the rotation grace period, or {@code null}
 * @param rotatedFrom id of the key this one replaced, or {@code null}
 */
public record ApiKeySummary(String id, String name, String maskedKey, String ownerSubject, PrincipalKind ownerKind,
		String org, String project, Set<String> scopes, ApiKeyOutcome status, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt, Instant graceUntil, String rotatedFrom) {

	static ApiKeySummary of(ApiKeyRecord record, ApiKeyFormat format, Instant now) {
		return new ApiKeySummary(record.id(), record.name(), format.mask(record.hint()), record.ownerSubject(),
				record.ownerKind(), record.org(), record.project(), record.scopes(), record.statusAt(now),
				record.createdAt(), record.expiresAt(), record.lastUsedAt(), record.revokedAt(), record.graceUntil(),
				record.rotatedFrom());
	}

}
