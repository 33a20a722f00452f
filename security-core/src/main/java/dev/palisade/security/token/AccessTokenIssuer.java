package dev.palisade.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues RFC 9068 style access tokens signed with the keyring's active key. Header: {@code alg} of the
 * key, {@code kid}, {@code typ: at+jwt}. Claims: {@code iss}, {@code aud}, {@code sub}, {@code exp},
 * {@code nbf}, {@code iat}, {@code jti} (random UUID), roles, permissions, {@code scope} (permissions
 * space-joined), org, project and kind, under the configured claim names, then the request's extra
 * claims (which can replace none of these).
 */
public final class AccessTokenIssuer {

	/** The {@code typ} header of Palisade access tokens (RFC 9068 section 2.1). */
	public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

	private final Supplier<TokenKeyring> keys;

	private final AccessTokenSettings settings;

	private final Clock clock;

	private final CryptoProviderPreference providerPreference;

	public AccessTokenIssuer(Supplier<TokenKeyring> keys, AccessTokenSettings settings, Clock clock) {
		this(keys, settings, clock, CryptoProviderPreference.defaultPreference());
	}

	public AccessTokenIssuer(Supplier<TokenKeyring> keys, AccessTokenSettings settings, Clock clock,
			CryptoProviderPreference providerPreference) {
		this.keys = Objects.requireNonNull(keys, "keys");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.providerPreference = Objects.requireNonNull(providerPreference, "providerPreference");
	}

	/** Signs a new access token for {@code request}. */
	public IssuedAccessToken issue(AccessTokenRequest request) {
		Objects.requireNonNull(request, "request");
		TokenKey key = this.keys.get().active();
		// JWT NumericDate has second precision; truncate so iat/exp in the token equal the returned values
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Duration ttl = (request.ttl() != null) ? request.ttl() : this.settings.ttl();
		Instant expiresAt = now.plus(ttl);
		String jti = UUID.randomUUID().toString();
		ClaimNames names = this.settings.claimNames();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.settings.issuer())
			.audience(new ArrayList<>(this.settings.audiences()))
			.subject(request.subject())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(jti)
			.claim(names.kind(), request.kind().wireName());
		List<String> roles = request.roles().stream().sorted().toList();
		List<String> permissions = request.permissions().stream().sorted().toList();
		claims.claim(names.roles(), roles);
		claims.claim(names.permissions(), permissions);
		if (!permissions.isEmpty()) {
			claims.claim(names.scope(), String.join(" ", permissions));
		}
		if (request.org() != null) {
			claims.claim(names.org(), request.org());
		}
		if (request.project() != null) {
			claims.claim(names.project(), request.project());
		}
		for (java.util.Map.Entry<String, Object> extra : request.extraClaims().entrySet()) {
			if (isPrincipalClaim(names, extra.getKey())) {
				throw new IllegalArgumentException("An extra claim may not replace the principal claim '"
						+ extra.getKey() + "'");
			}
			claims.claim(extra.getKey(), extra.getValue());
		}
		JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.kid()).type(ACCESS_TOKEN_TYPE).build();
		SignedJWT jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(key.signer(this.providerPreference));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an access token with key '" + key.kid() + "'", ex);
		}
		return new IssuedAccessToken(jwt.serialize(), jti, now, expiresAt);
	}

	private static boolean isPrincipalClaim(ClaimNames names, String name) {
		return name.equals(names.kind()) || name.equals(names.roles()) || name.equals(names.permissions())
				|| name.equals(names.scope()) || name.equals(names.org()) || name.equals(names.project());
	}

	/** The settings this issuer writes tokens for. */
	public AccessTokenSettings settings() {
		return this.settings;
	}

}
