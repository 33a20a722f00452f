package dev.palisade.security.token;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Verifies Palisade-issued access tokens against a {@link TokenKeyring}.
 */
public final class KeyringAccessTokenVerifier implements AccessTokenVerifier {

	private final Supplier<TokenKeyring> keys;

	private final AccessTokenSettings settings;

	private final Clock clock;

	private final Predicate<String> revokedJti;

	private final CryptoProviderPreference providerPreference;

	public KeyringAccessTokenVerifier(Supplier<TokenKeyring> keys, AccessTokenSettings settings, Clock clock) {
		this(keys, settings, clock, (jti) -> false, CryptoProviderPreference.defaultPreference());
	}

	public KeyringAccessTokenVerifier(Supplier<TokenKeyring> keys, AccessTokenSettings settings, Clock clock,
			Predicate<String> revokedJti, CryptoProviderPreference providerPreference) {
		this.keys = Objects.requireNonNull(keys, "keys");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.revokedJti = Objects.requireNonNull(revokedJti, "revokedJti");
		this.providerPreference = Objects.requireNonNull(providerPreference, "providerPreference");
	}

	@Override
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		throw new UnsupportedOperationException("not yet implemented");
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

}
