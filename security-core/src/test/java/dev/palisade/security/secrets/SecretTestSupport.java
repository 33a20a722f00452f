package dev.palisade.security.secrets;

import java.util.Base64;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.Keyring;

/** One fixed AEAD key for the secret-store tests and their child JVM. */
final class SecretTestSupport {

	static final byte[] KEY = Base64.getDecoder().decode("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");

	private SecretTestSupport() {
	}

	static KeyringAead aead() {
		return KeyringAead.of(Keyring.of("k1", AeadKey.of(AeadAlgorithm.AES_256_GCM, KEY)));
	}

}
