package dev.palisade.security.autoconfigure.crypto;

import dev.palisade.security.crypto.password.PasswordHasher;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's {@link PasswordEncoder} view of a Palisade {@link PasswordHasher}, so that
 * {@code DaoAuthenticationProvider} and friends hash and upgrade passwords the Palisade way.
 */
public final class PasswordHasherPasswordEncoder implements PasswordEncoder {

	private final PasswordHasher hasher;

	public PasswordHasherPasswordEncoder(PasswordHasher hasher) {
		this.hasher = hasher;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.hasher.hash(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return encodedPassword != null && this.hasher.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return encodedPassword != null && this.hasher.needsRehash(encodedPassword);
	}

	@Override
	public String toString() {
		return "PasswordHasherPasswordEncoder[" + this.hasher + "]";
	}
}
