package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * The result of {@link ApiKeyVerifier#verify(String)}: an {@link ApiKeyOutcome} and, when it is
 * {@link ApiKeyOutcome#VALID}, what the key grants. Answer every other outcome with the same 401.
 * {@link #keyId()} is set whenever the key parsed (it is public and useful for audit and rate
 * limits, but for a non-valid outcome it is whatever the caller sent).
 */
public final class ApiKeyVerification {

	private final ApiKeyOutcome outcome;

	private final String keyId;

	private final ApiKeyRecord record;

	private ApiKeyVerification(ApiKeyOutcome outcome, String keyId, ApiKeyRecord record) {
		this.outcome = outcome;
		this.keyId = keyId;
		this.record = record;
	}

	static ApiKeyVerification rejected(ApiKeyOutcome outcome, String keyId) {
		if (outcome == ApiKeyOutcome.VALID) {
			throw new IllegalArgumentException("not a rejection");
		}
		return new ApiKeyVerification(outcome, keyId, null);
	}

	static ApiKeyVerification valid(ApiKeyRecord record) {
		return new ApiKeyVerification(ApiKeyOutcome.VALID, record.id(), Objects.requireNonNull(record));
	}

	/** What verification found. */
	public ApiKeyOutcome outcome() {
		return this.outcome;
	}

	/** Whether the key may be used. */
	public boolean isValid() {
		return this.outcome == ApiKeyOutcome.VALID;
	}

	/** The presented key id, or {@code null} if the key was malformed or had a bad checksum. */
	public String keyId() {
		return this.keyId;
	}

	/** Subject of the user or service account the key acts for. */
	public String ownerSubject() {
		return valid().ownerSubject();
	}

	/** {@link PrincipalKind#USER} or {@link PrincipalKind#SERVICE}. */
	public PrincipalKind ownerKind() {
		return valid().ownerKind();
	}

	/** The organisation the key is scoped to. */
	public String org() {
		return valid().org();
	}

	/** The project the key is scoped to, or {@code null}. */
	public String project() {
		return valid().project();
	}

	/** The permissions the key carries. */
	public Set<String> scopes() {
		return valid().scopes();
	}

	/** The key's name. */
	public String name() {
		return valid().name();
	}

	/** When the key expires, or {@code null} for never. */
	public Instant expiresAt() {
		return valid().expiresAt();
	}

	/**
	 * The principal for a valid key: kind {@link PrincipalKind#API_KEY}, subject = the key id (so
	 * audit, rate limits and revocation all name the key itself; the owner is
	 * {@link #ownerSubject()}), no roles, permissions = the key's scopes, org and project from the key.
	 * @throws IllegalStateException if the key is not valid
	 */
	public PalisadePrincipal toPrincipal() {
		ApiKeyRecord key = valid();
		return new PalisadePrincipal(key.id(), PrincipalKind.API_KEY, key.org(), key.project(), Set.of(),
				key.scopes());
	}

	/** The rate-limit plan of a valid key, or {@code null} if it has none. */
	public String plan() {
		return valid().plan();
	}

	private ApiKeyRecord valid() {
		if (this.record == null) {
			throw new IllegalStateException("API key is not valid: " + this.outcome);
		}
		return this.record;
	}

	@Override
	public String toString() {
		return "ApiKeyVerification[outcome=" + this.outcome + ", keyId=" + this.keyId + "]";
	}

}
