package dev.palisade.security.refresh;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token just issued to a client, the only moment its plain value exists on the server.
 * {@link #toString()} never shows the token.
 */
public final class IssuedRefreshToken {

	private final String token;

	private final String familyId;

	private final Instant expiresAt;

	private final Instant absoluteExpiresAt;

	IssuedRefreshToken(String token, String familyId, Instant expiresAt, Instant absoluteExpiresAt) {
		this.token = Objects.requireNonNull(token, "token");
		this.familyId = Objects.requireNonNull(familyId, "familyId");
		this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
		this.absoluteExpiresAt = Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
	}

	/** The opaque token to hand to the client; never log it. */
	public String token() {
		return this.token;
	}

	/** The family (sign-in) this token belongs to. */
	public String familyId() {
		return this.familyId;
	}

	/** When this token dies unless rotated first: the earlier of the idle and absolute expiry. */
	public Instant expiresAt() {
		return this.expiresAt;
	}

	/** When the family dies however often it is rotated. */
	public Instant absoluteExpiresAt() {
		return this.absoluteExpiresAt;
	}

	@Override
	public String toString() {
		return "IssuedRefreshToken[familyId=" + this.familyId + ", expiresAt=" + this.expiresAt + "]";
	}
}
