package dev.palisade.security.autoconfigure.crypto;

import java.util.Arrays;
import java.util.Base64;

import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.AeadKeyringFile;
import dev.palisade.security.crypto.keyring.InvalidKeyringException;
import dev.palisade.security.secrets.InvalidSecretException;
import dev.palisade.security.secrets.SecretReference;
import dev.palisade.security.secrets.SecretStore;
import dev.palisade.security.secrets.SecretStoreException;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Builds the AEAD keyring from {@link PalisadeAeadProperties}; errors name properties, never key material. */
public final class AeadKeyringLoader {

	private static final Log logger = LogFactory.getLog(AeadKeyringLoader.class);

	private AeadKeyringLoader() {
	}

	/** The keyring the properties describe, when it is not held in a secret store. */
	public static Keyring<AeadKey> load(PalisadeAeadProperties properties) {
		return load(properties, null);
	}

	/**
	 * The keyring the properties describe; from {@code secretStore} when
	 * {@code palisade.crypto.aead.secret} is set.
	 * @param secretStore the application's secret store, or {@code null} when there is none
	 * @throws InvalidKeyringException naming the property when the secret cannot be read or parsed
	 */
	public static Keyring<AeadKey> load(PalisadeAeadProperties properties, SecretStore secretStore) {
		if (properties.secret() != null) {
			return fromSecret(properties.secret(), secretStore);
		}
		if (!properties.keys().isEmpty()) {
			return fromKeys(properties);
		}
		if (properties.generate() && !properties.file().toFile().exists()) {
			Keyring<AeadKey> generated = AeadKeyringFile.loadOrGenerate(properties.file(), properties.algorithm());
			logger.info("Generated an AEAD keyring (" + properties.algorithm() + ", key " + generated.primaryId() + ") at "
					+ properties.file().toAbsolutePath().normalize() + "; keep it safe: without it nothing it sealed opens");
			return generated;
		}
		Keyring<AeadKey> keyring = AeadKeyringFile.load(properties.file());
		logger.info("Loaded the AEAD keyring from " + properties.file().toAbsolutePath().normalize() + " (" + keyring + ")");
		return keyring;
	}

	private static Keyring<AeadKey> fromSecret(String secret, SecretStore secretStore) {
		if (secretStore == null) {
			throw new InvalidKeyringException("palisade.crypto.aead.secret needs a secret store: set"
					+ " palisade.secrets.backend to vault (the local store is sealed with this keyring)");
		}
		SecretReference reference;
		try {
			reference = SecretReference.parse(secret);
		}
		catch (InvalidSecretException ex) {
			throw new InvalidKeyringException("palisade.crypto.aead.secret: " + ex.getMessage());
		}
		String text;
		try {
			text = reference.resolve(secretStore);
		}
		catch (SecretStoreException ex) {
			throw new InvalidKeyringException("palisade.crypto.aead.secret (" + reference + "): " + ex.getMessage());
		}
		Keyring<AeadKey> keyring;
		try {
			keyring = AeadKeyringFile.parse(text);
		}
		catch (InvalidKeyringException ex) {
			throw new InvalidKeyringException("palisade.crypto.aead.secret (" + reference + "): " + ex.getMessage());
		}
		logger.info("Loaded the AEAD keyring from the secret " + reference + " (" + keyring + ")");
		return keyring;
	}

	private static Keyring<AeadKey> fromKeys(PalisadeAeadProperties properties) {
		Keyring.Builder<AeadKey> builder = Keyring.builder();
		for (int i = 0; i < properties.keys().size(); i++) {
			PalisadeAeadProperties.Key key = properties.keys().get(i);
			String property = "palisade.crypto.aead.keys[" + i + "]";
			if (key.status() == KeyStatus.DESTROYED) {
				builder.add(key.id(), KeyStatus.DESTROYED, null);
				continue;
			}
			if (key.key() == null) {
				throw new InvalidKeyringException(property + ".key is required: 32 random bytes, base64 (openssl rand -base64 32)");
			}
			byte[] material;
			try {
				material = Base64.getDecoder().decode(key.key().strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidKeyringException(property + ".key is not base64");
			}
			try {
				if (material.length != 32) {
					throw new InvalidKeyringException(property + ".key must be 32 bytes, not " + material.length);
				}
				builder.add(key.id(), key.status(), AeadKey.of(key.algorithm(), material));
			}
			finally {
				Arrays.fill(material, (byte) 0);
			}
		}
		if (properties.primary() == null) {
			throw new InvalidKeyringException("palisade.crypto.aead.primary must name one of palisade.crypto.aead.keys");
		}
		return builder.primary(properties.primary()).build();
	}

}
