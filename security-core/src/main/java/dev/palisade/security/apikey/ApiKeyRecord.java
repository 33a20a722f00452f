package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;

/**
 * Everything a store keeps about one API key. The plaintext key is never part of it, only its
 * {@link ApiKeyHash}; {@link #toString()} shows no hash bytes.
 *
 * @param id the public key id (the second part of the key)
 * @param name a human label, 1 to 200 characters
 * @param ownerSubject subject of the user or service account the key acts for
 * @param ownerKind {@link PrincipalKind#USER} or {@link PrincipalKind#SERVICE}
 * @param org the organisation the key is scoped to
 * @param project the project within {@code org}, or {@code null} for the whole org
 * @param scopes the permissions the key carries (see {@link ScopeCheck})
 * @param hash {@code HMAC-SHA256(pepper, key)}
 * @param hint the last 4 characters of the key, for display ({@link ApiKeyFormat#mask(String)})
 * @param createdAt when the key was created
 * @param expiresAt when the key stops working, or {@code null} for never
 * @param lastUsedAt the latest recorded successful use, or {@code null}
 * @param revokedAt when the key was revoked, or {@code null}
 * @param graceUntil for a key replaced by rotation: the end of its grace period, or {@code null}
 * @param rotatedFrom for a key created by rotation: the id of the key it replaced, or {@code null}
 * @param plan the rate-limit plan the key's calls count under ({@code free}, {@code pro}, ...), or
 * {@code null} for none; letters, digits, {@code .}, {@code _} and {@code -}, at most 64
 */
public record ApiKeyRecord(String id, String name, String ownerSubject, PrincipalKind ownerKind, String org,
		String project, Set<String> scopes, ApiKeyHash hash, String hint, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt, Instant graceUntil, String rotatedFrom, String plan) {

	public ApiKeyRecord {
		requireText(id, "id", 64);
		requireText(name, "name", 200);
		requireText(ownerSubject, "ownerSubject", 255);
		Objects.requireNonNull(ownerKind, "ownerKind");
		if (ownerKind != PrincipalKind.USER && ownerKind != PrincipalKind.SERVICE) {
			throw new InvalidApiKeyRequestException("an API key owner must be a user or a service account");
		}
		requireText(org, "org", 255);
		if (project != null) {
			requireText(project, "project", 255);
		}
		Objects.requireNonNull(scopes, "scopes");
		scopes = Set.copyOf(scopes);
		for (String scope : scopes) {
			if (!ScopeCheck.isValid(scope)) {
				throw new InvalidApiKeyRequestException("a scope is not of the form resource:action (see ScopeCheck)");
			}
		}
		Objects.requireNonNull(hash, "hash");
		requireText(hint, "hint", 8);
		Objects.requireNonNull(createdAt, "createdAt");
		if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
			throw new InvalidApiKeyRequestException("expiry must be after creation");
		}
		if (plan != null && !isPlanName(plan)) {
			throw new InvalidApiKeyRequestException(
					"a plan is 1 to 64 letters, digits, '.', '_' or '-'");
		}
	}

	/** A record without a plan. */
	public ApiKeyRecord(String id, String name, String ownerSubject, PrincipalKind ownerKind, String org,
			String project, Set<String> scopes, ApiKeyHash hash, String hint, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt, Instant graceUntil, String rotatedFrom) {
		this(id, name, ownerSubject, ownerKind, org, project, scopes, hash, hint, createdAt, expiresAt, lastUsedAt,
				revokedAt, graceUntil, rotatedFrom, null);
	}

	/** Whether {@code plan} is an acceptable plan name. */
	static boolean isPlanName(String plan) {
		if (plan.isEmpty() || plan.length() > 64) {
			return false;
		}
		for (int i = 0; i < plan.length(); i++) {
			char c = plan.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the key, once its secret has been proven, may be used at {@code now}:
	 * {@link ApiKeyOutcome#REVOKED} when revoked or past its rotation grace period,
	 * {@link ApiKeyOutcome#EXPIRED} when past expiry, else {@link ApiKeyOutcome#VALID}.
	 */
	public ApiKeyOutcome statusAt(Instant now) {
		if (this.revokedAt != null && !now.isBefore(this.revokedAt)) {
			return ApiKeyOutcome.REVOKED;
		}
		if (this.graceUntil != null && !now.isBefore(this.graceUntil)) {
			return ApiKeyOutcome.REVOKED;
		}
		if (this.expiresAt != null && !now.isBefore(this.expiresAt)) {
			return ApiKeyOutcome.EXPIRED;
		}
		return ApiKeyOutcome.VALID;
	}

	/** This record with another last-used time. */
	public ApiKeyRecord withLastUsedAt(Instant lastUsed) {
		return new ApiKeyRecord(this.id, this.name, this.ownerSubject, this.ownerKind, this.org, this.project,
				this.scopes, this.hash, this.hint, this.createdAt, this.expiresAt, lastUsed, this.revokedAt,
				this.graceUntil, this.rotatedFrom, this.plan);
	}

	/** This record with another revocation time. */
	public ApiKeyRecord withRevokedAt(Instant revoked) {
		return new ApiKeyRecord(this.id, this.name, this.ownerSubject, this.ownerKind, this.org, this.project,
				this.scopes, this.hash, this.hint, this.createdAt, this.expiresAt, this.lastUsedAt, revoked,
				this.graceUntil, this.rotatedFrom, this.plan);
	}

	/** This record with another end of grace period. */
	public ApiKeyRecord withGraceUntil(Instant grace) {
		return new ApiKeyRecord(this.id, this.name, this.ownerSubject, this.ownerKind, this.org, this.project,
				this.scopes, this.hash, this.hint, this.createdAt, this.expiresAt, this.lastUsedAt, this.revokedAt,
				grace, this.rotatedFrom, this.plan);
	}

	private static void requireText(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidApiKeyRequestException(field + " must not be blank");
		}
		if (value.length() > maxLength) {
			throw new InvalidApiKeyRequestException(field + " must be at most " + maxLength + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw new InvalidApiKeyRequestException(field + " must not contain control characters");
			}
		}
	}

}
