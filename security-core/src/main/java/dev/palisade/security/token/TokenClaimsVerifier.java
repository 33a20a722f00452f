package dev.palisade.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;

import dev.palisade.security.token.InvalidTokenException.Reason;

/**
 * Claim checks for Palisade access tokens, run by the Nimbus processor after the signature verified.
 * Written instead of Nimbus's DefaultJWTClaimsVerifier so each failure carries a {@link Reason}
 * (Nimbus only distinguishes failures by message text) and so {@code iat} in the future is rejected.
 */
final class TokenClaimsVerifier<C extends SecurityContext> implements JWTClaimsSetVerifier<C> {

	private final AccessTokenSettings settings;

	private final Clock clock;

	private final Predicate<String> revokedJti;

	TokenClaimsVerifier(AccessTokenSettings settings, Clock clock, Predicate<String> revokedJti) {
		this.settings = settings;
		this.clock = clock;
		this.revokedJti = revokedJti;
	}

	@Override
	public void verify(JWTClaimsSet claims, C context) throws BadJWTException {
		try {
			Date exp = claims.getExpirationTime();
			if (exp == null) {
				throw new ReasonedBadJWTException(Reason.MISSING_CLAIM);
			}
			String sub = claims.getSubject();
			String iss = claims.getIssuer();
			List<String> aud = claims.getAudience();
			String jti = claims.getJWTID();
			if (sub == null || sub.isBlank() || iss == null || aud.isEmpty() || jti == null || jti.isBlank()) {
				throw new ReasonedBadJWTException(Reason.MISSING_CLAIM);
			}
			checkTimes(this.clock.instant(), this.settings.clockSkew(), exp.toInstant(), toInstant(claims.getNotBeforeTime()),
					toInstant(claims.getIssueTime()));
			if (!this.settings.issuer().equals(iss)) {
				throw new ReasonedBadJWTException(Reason.WRONG_ISSUER);
			}
			if (aud.stream().noneMatch(this.settings.audiences()::contains)) {
				throw new ReasonedBadJWTException(Reason.WRONG_AUDIENCE);
			}
			checkRevoked(this.revokedJti, jti);
		}
		catch (RuntimeException ex) {
			// Nimbus reports claims of the wrong type as missing; anything else odd is malformed
			throw new ReasonedBadJWTException(Reason.MALFORMED);
		}
	}

	/** exp must lie after now - skew; nbf and iat must not lie after now + skew. */
	static void checkTimes(Instant now, Duration skew, Instant exp, Instant nbf, Instant iat)
			throws ReasonedBadJWTException {
		if (!now.isBefore(exp.plus(skew))) {
			throw new ReasonedBadJWTException(Reason.EXPIRED);
		}
		Instant latestAcceptable = now.plus(skew);
		if ((nbf != null && nbf.isAfter(latestAcceptable)) || (iat != null && iat.isAfter(latestAcceptable))) {
			throw new ReasonedBadJWTException(Reason.NOT_YET_VALID);
		}
	}

	/** Fails closed: a deny-list that cannot answer counts as revoked. */
	static void checkRevoked(Predicate<String> revokedJti, String jti) throws ReasonedBadJWTException {
		boolean revoked;
		try {
			revoked = revokedJti.test(jti);
		}
		catch (RuntimeException ex) {
			revoked = true;
		}
		if (revoked) {
			throw new ReasonedBadJWTException(Reason.REVOKED);
		}
	}

	private static Instant toInstant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	/** A Nimbus claims rejection that carries our reason through the processor. */
	static final class ReasonedBadJWTException extends BadJWTException {

		private static final long serialVersionUID = 1L;

		private final Reason reason;

		ReasonedBadJWTException(Reason reason) {
			super(reason.name());
			this.reason = reason;
		}

		Reason reason() {
			return this.reason;
		}

	}

}
