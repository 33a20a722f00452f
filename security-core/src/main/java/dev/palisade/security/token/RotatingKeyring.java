package dev.palisade.security.token;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The mutable holder of the current {@link TokenKeyring}. Issuers and verifiers read {@link #current()}
 * on every call, so a rotation takes effect for the next token without a restart: tokens signed by the
 * old key keep verifying until that key is retired.
 */
public final class RotatingKeyring implements Supplier<TokenKeyring> {

	private final AtomicReference<TokenKeyring> current;

	public RotatingKeyring(TokenKeyring initial) {
		this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
	}

	/** The keyring in force now. */
	public TokenKeyring current() {
		return this.current.get();
	}

	@Override
	public TokenKeyring get() {
		return this.current.get();
	}

	/** Makes {@code next} the signer; the previous signer stays for verification. */
	public void rotate(TokenKey next) {
		this.current.updateAndGet((keyring) -> keyring.withRotatedSigner(next));
	}

	/** Publishes {@code next}: it verifies and is in the JWK Set, but signs only once {@link #promote promoted}. */
	public void publish(TokenKey next) {
		this.current.updateAndGet((keyring) -> keyring.withPublished(next));
	}

	/** Makes the published (or any enabled, signing-capable) key {@code kid} the signer. */
	public void promote(String kid) {
		this.current.updateAndGet((keyring) -> keyring.withPromoted(kid));
	}

	/** Removes a verification key; tokens signed with it are rejected from now on. */
	public void retire(String kid) {
		this.current.updateAndGet((keyring) -> keyring.withRetired(kid));
	}

	/** Replaces the whole keyring (for example after reloading key sources). */
	public void replace(TokenKeyring keyring) {
		this.current.set(Objects.requireNonNull(keyring, "keyring"));
	}

	@Override
	public String toString() {
		return "RotatingKeyring[" + this.current.get() + "]";
	}

}
