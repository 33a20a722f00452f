package dev.palisade.security.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * An immutable set of token keys: exactly one active key that signs new tokens, plus keys that are
 * still accepted for verification (the previous signer after a rotation, or public keys of another
 * issuer). Key ids are unique. Rotation returns a new keyring; see {@link RotatingKeyring} for the
 * mutable holder that makes it take effect without downtime.
 */
public final class TokenKeyring {

	private final TokenKey active;

	private final Map<String, TokenKey> byKid;

	private TokenKeyring(TokenKey active, List<TokenKey> verifyOnly) {
		Objects.requireNonNull(active, "active");
		if (!active.canSign()) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"The active token key '" + active.kid() + "' has no private part; configure a private key or secret");
		}
		Map<String, TokenKey> keys = new LinkedHashMap<>();
		keys.put(active.kid(), active);
		for (TokenKey key : verifyOnly) {
			Objects.requireNonNull(key, "verifyOnly key");
			if (keys.putIfAbsent(key.kid(), key) != null) {
				throw new InvalidKeyConfigurationException(Reason.DUPLICATE_KEY_ID,
						"Two token keys share the key id '" + key.kid() + "'; key ids must be unique");
			}
		}
		this.active = active;
		this.byKid = Collections.unmodifiableMap(keys);
	}

	/**
	 * A keyring that signs with {@code active} and also verifies with {@code verifyOnly}.
	 * @throws InvalidKeyConfigurationException if the active key cannot sign or key ids repeat
	 */
	public static TokenKeyring of(TokenKey active, List<TokenKey> verifyOnly) {
		return new TokenKeyring(active, List.copyOf(verifyOnly));
	}

	/** A keyring with a single key. */
	public static TokenKeyring of(TokenKey active) {
		return new TokenKeyring(active, List.of());
	}

	/**
	 * A keyring from the keys of a {@link TokenKeySource}: the first key that can sign is active, the
	 * others verify only.
	 * @throws InvalidKeyConfigurationException if no key can sign
	 */
	public static TokenKeyring from(List<TokenKey> keys) {
		TokenKey active = keys.stream()
			.filter(TokenKey::canSign)
			.findFirst()
			.orElseThrow(() -> new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"None of the configured token keys has a private part or secret; at least one must be able to sign"));
		List<TokenKey> others = new ArrayList<>(keys);
		others.remove(active);
		return of(active, others);
	}

	/** The key that signs new tokens. */
	public TokenKey active() {
		return this.active;
	}

	/** The key with this key id, if it is in the keyring. */
	public Optional<TokenKey> find(String kid) {
		if (kid == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byKid.get(kid));
	}

	/** All keys, active first. */
	public List<TokenKey> keys() {
		return List.copyOf(this.byKid.values());
	}

	/**
	 * A new keyring that signs with {@code newActive} and keeps every current key (including the old
	 * active one) for verification of tokens already issued.
	 */
	public TokenKeyring withRotatedSigner(TokenKey newActive) {
		Objects.requireNonNull(newActive, "newActive");
		List<TokenKey> verifyOnly = new ArrayList<>(this.byKid.values());
		return new TokenKeyring(newActive, verifyOnly);
	}

	/**
	 * A new keyring without the key {@code kid}; tokens signed with it stop verifying.
	 * @throws IllegalArgumentException if {@code kid} is the active key (rotate first)
	 */
	public TokenKeyring withRetired(String kid) {
		if (this.active.kid().equals(kid)) {
			throw new IllegalArgumentException("The active key cannot be retired; rotate to a new signer first");
		}
		List<TokenKey> verifyOnly = new ArrayList<>(this.byKid.values());
		verifyOnly.remove(this.active);
		verifyOnly.removeIf((key) -> key.kid().equals(kid));
		return new TokenKeyring(this.active, verifyOnly);
	}

	/** The public keys as a JWK Set (with kid, alg, use); HMAC keys and private parameters never appear. */
	public JWKSet publicJwkSet() {
		List<JWK> keys = new ArrayList<>();
		for (TokenKey key : this.byKid.values()) {
			key.publicJwk().ifPresent(keys::add);
		}
		return new JWKSet(keys);
	}

	/** The JSON of {@link #publicJwkSet()}, ready to serve at a JWKS endpoint. */
	public String publicJwkSetJson() {
		return publicJwkSet().toString(true);
	}

	@Override
	public String toString() {
		return "TokenKeyring[active=" + this.active.kid() + ", kids=" + this.byKid.keySet() + "]";
	}

}
