package dev.palisade.security.token;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.token.InvalidTokenException.Reason;
import dev.palisade.security.token.TokenClaimsVerifier.ReasonedBadJWTException;

/**
 * Verifies Palisade-issued access tokens against a {@link TokenKeyring}, on top of Nimbus's
 * DefaultJWTProcessor. Before Nimbus sees the token we check its length, its strict compact form, that
 * {@code alg} is one we support spelled exactly (so {@code none} in any spelling is refused), that there
 * are no critical header parameters, that {@code typ} is {@code at+jwt}, and that the {@code kid} names a
 * key in the keyring whose own algorithm equals the header's: the header never chooses the algorithm or
 * the key, and {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} headers are never used. Nimbus then
 * verifies the signature and our claim checks run: {@code exp} required, {@code nbf}/{@code iat} with
 * skew, exact {@code iss}, an {@code aud} containing a configured audience, {@code sub} and {@code jti}
 * required, and the {@code jti} deny list.
 */
public final class KeyringAccessTokenVerifier implements AccessTokenVerifier {

	private static final Set<String> ACCEPTED_TYPES = Set.of("at+jwt", "application/at+jwt");

	private final Supplier<TokenKeyring> keys;

	private final AccessTokenSettings settings;

	private final Clock clock;

	private final Predicate<String> revokedJti;

	private final CryptoProviderPreference providerPreference;

	private final ClaimsPrincipalMapper principalMapper;

	private final DefaultJWTProcessor<SelectedKey> processor;

	public KeyringAccessTokenVerifier(Supplier<TokenKeyring> keys, AccessTokenSettings settings, Clock clock) {
		this(keys, settings, clock, (jti) -> false, CryptoProviderPreference.defaultPreference());
	}

	/**
	 * @param revokedJti deny list on the {@code jti} claim; if it throws, the token counts as revoked
	 * @param providerPreference JCA provider for ECDSA and EdDSA
	 */
	public KeyringAccessTokenVerifier(Supplier<TokenKeyring> keys, AccessTokenSettings settings, Clock clock,
			Predicate<String> revokedJti, CryptoProviderPreference providerPreference) {
		this.keys = Objects.requireNonNull(keys, "keys");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.revokedJti = Objects.requireNonNull(revokedJti, "revokedJti");
		this.providerPreference = Objects.requireNonNull(providerPreference, "providerPreference");
		this.principalMapper = new ClaimsPrincipalMapper(settings.claimNames());
		this.processor = new DefaultJWTProcessor<>();
		this.processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"),
				new JOSEObjectType("application/at+jwt")));
		this.processor.setJWSKeySelector((header, context) -> List.of(context.handle));
		this.processor.setJWSVerifierFactory(new SelectedKeyVerifierFactory(providerPreference));
		this.processor.setJWTClaimsSetVerifier(new TokenClaimsVerifier<>(settings, clock, revokedJti));
	}

	@Override
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		if (token == null || token.isEmpty()) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		if (token.length() > this.settings.maxTokenLength()) {
			throw new InvalidTokenException(Reason.TOO_LONG);
		}
		CompactJws jws = CompactJws.parse(token);
		TokenKey key = selectKey(jws.header, this.keys.get());
		SignedJWT jwt;
		try {
			jwt = new SignedJWT(jws.headerPart, jws.payloadPart, jws.signaturePart);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		JWTClaimsSet claims;
		try {
			claims = this.processor.process(jwt, new SelectedKey(key));
		}
		catch (ReasonedBadJWTException ex) {
			throw new InvalidTokenException(ex.reason());
		}
		catch (BadJWSException ex) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE);
		}
		catch (BadJWTException ex) {
			// Nimbus could not read the payload as a claims set
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		catch (BadJOSEException ex) {
			throw new InvalidTokenException(Reason.WRONG_TYPE);
		}
		catch (JOSEException ex) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE);
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		return toVerified(claims, key);
	}

	/**
	 * The signature layer alone, exactly as {@link #verify} runs it: strict parse, no critical headers,
	 * header {@code alg} equal to the key's algorithm, then the key's verifier. No claim or type checks;
	 * the payload need not be JSON. Used for test vectors (RFC examples, Wycheproof) that carry
	 * arbitrary payloads.
	 */
	static void verifySignatureWith(String token, TokenKey key, CryptoProviderPreference preference)
			throws InvalidTokenException {
		CompactJws jws = CompactJws.parse(token);
		Set<String> crit = jws.header.getCriticalParams();
		if ((crit != null && !crit.isEmpty()) || !jws.header.isBase64URLEncodePayload()) {
			throw new InvalidTokenException(Reason.CRITICAL_HEADER);
		}
		if (!key.algorithm().equals(jws.header.getAlgorithm())) {
			throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
		}
		verifySignature(jws, key, preference);
	}

	static void verifySignature(CompactJws jws, TokenKey key, CryptoProviderPreference preference)
			throws InvalidTokenException {
		if (!signatureValid(key, preference, jws.header, jws.signingInput(), jws.signaturePart)) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE);
		}
	}

	/** The one signature check every path uses; any exception from the JCA layer counts as invalid. */
	static boolean signatureValid(TokenKey key, CryptoProviderPreference preference, JWSHeader header,
			byte[] signingInput, Base64URL signature) {
		try {
			return key.verifier(preference).verify(header, signingInput, signature);
		}
		catch (JOSEException | RuntimeException ex) {
			return false;
		}
	}

	private TokenKey selectKey(JWSHeader header, TokenKeyring keyring) throws InvalidTokenException {
		Set<String> crit = header.getCriticalParams();
		if (crit != null && !crit.isEmpty()) {
			throw new InvalidTokenException(Reason.CRITICAL_HEADER);
		}
		if (!header.isBase64URLEncodePayload()) {
			throw new InvalidTokenException(Reason.CRITICAL_HEADER);
		}
		JOSEObjectType typ = header.getType();
		if (typ == null || !ACCEPTED_TYPES.contains(typ.getType().toLowerCase(Locale.ROOT))) {
			throw new InvalidTokenException(Reason.WRONG_TYPE);
		}
		TokenKey key = keyring.find(header.getKeyID()).orElseThrow(() -> new InvalidTokenException(Reason.UNKNOWN_KEY));
		if (!key.algorithm().equals(header.getAlgorithm())) {
			throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
		}
		return key;
	}

	private VerifiedAccessToken toVerified(JWTClaimsSet claims, TokenKey key) throws InvalidTokenException {
		try {
			PalisadePrincipal principal = this.principalMapper.map(claims.getClaims());
			return new VerifiedAccessToken(principal, claims.getJWTID(), claims.getIssuer(),
					toInstant(claims.getIssueTime()), claims.getExpirationTime().toInstant(),
					toInstant(claims.getNotBeforeTime()), key.kid(), claims.getClaims());
		}
		catch (RuntimeException ex) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
	}

	private static Instant toInstant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	/** The keyring supplier. */
	public Supplier<TokenKeyring> keys() {
		return this.keys;
	}

	/** The settings tokens are checked against. */
	public AccessTokenSettings settings() {
		return this.settings;
	}

	/** The clock used for time checks. */
	public Clock clock() {
		return this.clock;
	}

	/** The deny-list predicate on {@code jti}. */
	public Predicate<String> revokedJti() {
		return this.revokedJti;
	}

	/** The JCA provider preference for ECDSA and EdDSA. */
	public CryptoProviderPreference providerPreference() {
		return this.providerPreference;
	}

	/** Carries the key we selected from the keyring into the Nimbus processor. */
	static final class SelectedKey implements SecurityContext {

		final KeyHandle handle;

		SelectedKey(TokenKey key) {
			this.handle = new KeyHandle(key);
		}

	}

	/**
	 * A java.security.Key that only points at a {@link TokenKey}, so the Nimbus processor hands our
	 * cached, algorithm-pinned verifier the key we chose (Ed25519 JWKs have no JCA form without Tink).
	 */
	static final class KeyHandle implements Key {

		private static final long serialVersionUID = 1L;

		final transient TokenKey key;

		KeyHandle(TokenKey key) {
			this.key = key;
		}

		@Override
		public String getAlgorithm() {
			return this.key.algorithm().getName();
		}

		@Override
		public String getFormat() {
			return null;
		}

		@Override
		public byte[] getEncoded() {
			return null;
		}

		@Override
		public String toString() {
			return "KeyHandle[" + this.key + "]";
		}

	}

	private static final class SelectedKeyVerifierFactory implements JWSVerifierFactory {

		private final CryptoProviderPreference preference;

		private final JCAContext jcaContext = new JCAContext();

		SelectedKeyVerifierFactory(CryptoProviderPreference preference) {
			this.preference = preference;
		}

		@Override
		public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
			if (!(key instanceof KeyHandle handle) || !handle.key.algorithm().equals(header.getAlgorithm())) {
				throw new JOSEException("No verifier for this key");
			}
			return handle.key.verifier(this.preference);
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return KeyAlgorithmRules.SUPPORTED;
		}

		@Override
		public JCAContext getJCAContext() {
			return this.jcaContext;
		}

	}

}
