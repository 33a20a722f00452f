package dev.palisade.security.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import dev.palisade.security.crypto.keyring.InvalidKeyringException;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * An immutable set of token keys over a {@link Keyring}: the primary key signs new tokens, every
 * other enabled key still verifies (the previous signer after a rotation, a key published ahead of
 * its promotion, public keys of another issuer). Key ids are unique and every token names its key
 * in the {@code kid} header. A planned rotation publishes the next key first
 * ({@link #withPublished}), so relying parties that cache the JWK Set already hold it, and
 * promotes it later ({@link #withPromoted}). Rotation returns a new keyring; see
 * {@link RotatingKeyring} for the mutable holder that makes it take effect without downtime.
 */
public final class TokenKeyring {

	private final Keyring<TokenKey> keyring;

	private TokenKeyring(Keyring<TokenKey> keyring) {
		TokenKey active = keyring.primary();
		if (!active.canSign()) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"The active token key '" + active.kid() + "' has no private part; configure a private key or secret");
		}
		for (Keyring.Entry<TokenKey> entry : keyring.entries()) {
			if (entry.key() != null && !entry.key().kid().equals(entry.keyId())) {
				throw new IllegalArgumentException("keyring id '" + entry.keyId() + "' differs from the key's kid");
			}
		}
		this.keyring = keyring;
	}

	/**
	 * A keyring that signs with {@code active} and also verifies with {@code verifyOnly}.
	 * @throws InvalidKeyConfigurationException if the active key cannot sign or key ids repeat
	 */
	public static TokenKeyring of(TokenKey active, List<TokenKey> verifyOnly) {
		Objects.requireNonNull(active, "active");
		Keyring.Builder<TokenKey> builder = Keyring.<TokenKey>builder().add(active.kid(), active).primary(active.kid());
		for (TokenKey key : List.copyOf(verifyOnly)) {
			add(builder, key);
		}
		return of(builder);
	}

	/** A keyring with a single key. */
	public static TokenKeyring of(TokenKey active) {
		return of(active, List.of());
	}

	/**
	 * A keyring over {@code keyring}, whose ids must be the keys' kids.
	 * @throws InvalidKeyConfigurationException if the primary cannot sign
	 */
	public static TokenKeyring of(Keyring<TokenKey> keyring) {
		return new TokenKeyring(Objects.requireNonNull(keyring, "keyring"));
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
		return this.keyring.primary();
	}

	/** The enabled key with this key id; disabled, destroyed and unknown ids give empty. */
	public Optional<TokenKey> find(String kid) {
		return this.keyring.find(kid);
	}

	/** The enabled keys, active first. */
	public List<TokenKey> keys() {
		return this.keyring.enabledKeys();
	}

	/** The keyring underneath, with every key's status. */
	public Keyring<TokenKey> keyring() {
		return this.keyring;
	}

	/**
	 * A new keyring that signs with {@code newActive} and keeps every current key (including the old
	 * active one) for verification of tokens already issued.
	 */
	public TokenKeyring withRotatedSigner(TokenKey newActive) {
		Objects.requireNonNull(newActive, "newActive");
		return withPublished(newActive).withPromoted(newActive.kid());
	}

	/**
	 * A new keyring that also holds {@code next}: it verifies, and its public part is in the JWK Set,
	 * but it does not sign until {@link #withPromoted} makes it the signer.
	 * @throws InvalidKeyConfigurationException if its key id is already used
	 */
	public TokenKeyring withPublished(TokenKey next) {
		Objects.requireNonNull(next, "next");
		try {
			return new TokenKeyring(this.keyring.withAdded(next.kid(), next));
		}
		catch (InvalidKeyringException ex) {
			throw duplicate(next.kid());
		}
	}

	/**
	 * A new keyring whose signer is the enabled key {@code kid}, which must hold a private part or
	 * secret; the previous signer keeps verifying.
	 * @throws InvalidKeyConfigurationException if the key is unknown, not enabled or cannot sign
	 */
	public TokenKeyring withPromoted(String kid) {
		TokenKey key = this.keyring.find(kid)
			.orElseThrow(() -> new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"No enabled token key '" + kid + "' to promote"));
		if (!key.canSign()) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"The token key '" + kid + "' has no private part and cannot sign");
		}
		return new TokenKeyring(this.keyring.withPrimary(kid));
	}

	/**
	 * A new keyring without the key {@code kid}; tokens signed with it stop verifying.
	 * @throws IllegalArgumentException if {@code kid} is the active key (rotate first)
	 */
	public TokenKeyring withRetired(String kid) {
		if (this.keyring.primaryId().equals(kid)) {
			throw new IllegalArgumentException("The active key cannot be retired; rotate to a new signer first");
		}
		return new TokenKeyring(this.keyring.withRemoved(kid));
	}

	/** The public keys of the enabled keys as a JWK Set (with kid, alg, use); HMAC keys and private parameters never appear. */
	public JWKSet publicJwkSet() {
		List<JWK> keys = new ArrayList<>();
		for (TokenKey key : keys()) {
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
		return "TokenKeyring[" + this.keyring + "]";
	}

	private static void add(Keyring.Builder<TokenKey> builder, TokenKey key) {
		Objects.requireNonNull(key, "verifyOnly key");
		try {
			builder.add(key.kid(), key);
		}
		catch (InvalidKeyringException ex) {
			throw duplicate(key.kid());
		}
	}

	private static TokenKeyring of(Keyring.Builder<TokenKey> builder) {
		return new TokenKeyring(builder.build());
	}

	private static InvalidKeyConfigurationException duplicate(String kid) {
		return new InvalidKeyConfigurationException(Reason.DUPLICATE_KEY_ID,
				"Two token keys share the key id '" + kid + "'; key ids must be unique");
	}

}
