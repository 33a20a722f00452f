package dev.palisade.security.autoconfigure.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditProperties.PreviousHmacKey;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditProperties.PreviousVerificationKey;
import dev.palisade.security.crypto.keyring.Keyring;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Loads the audit keys from {@code palisade.audit} or, for the file sink with nothing
 * configured, generates them once into the key directory and reads them back on later starts.
 * Files are written under a temporary name and moved into place, owner-only on POSIX systems.
 */
final class AuditKeyLoader {

	private static final Log logger = LogFactory.getLog(AuditKeyLoader.class);

	static final String HMAC_KEY_FILE = "audit-hmac.key";

	static final String SIGNING_KEY_FILE = "audit-signing-private.pem";

	static final String PUBLIC_KEY_FILE = "audit-signing-public.pem";

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private AuditKeyLoader() {
	}

	static AuditKeyMaterial load(PalisadeAuditProperties properties) {
		try {
			boolean hmacConfigured = properties.hmacKey() != null || properties.hmacKeyFile() != null;
			if (!hmacConfigured && properties.sink() != PalisadeAuditProperties.Sink.FILE) {
				throw new InvalidPalisadePropertyException("palisade.audit.hmac-key",
						"is required for the " + properties.sink() + " sink (keys are generated only for the file sink)",
						"Set palisade.audit.hmac-key (base64, for example: openssl rand -base64 32) or"
								+ " palisade.audit.hmac-key-file, and palisade.audit.signing-key-file.",
						null);
			}
			Path keys = properties.effectiveKeyDirectory();
			byte[] hmacKey = hmacConfigured ? configuredHmacKey(properties) : generatedHmacKey(keys);
			Keyring<SecretKey> macKeys = macKeys(properties, hmacKey);
			KeyPair pair = null;
			if (properties.signingKeyFile() != null) {
				PrivateKey signing = AuditKeys.readPrivateKey(properties.signingKeyFile());
				pair = new KeyPair(publicKeyOf(signing), signing);
			}
			else if (!hmacConfigured) {
				pair = generatedSigningKeys(keys);
			}
			Keyring<PrivateKey> signingKeys = (pair != null)
					? Keyring.of(keyId(properties.signingKeyId(), "palisade.audit.signing-key-id"), pair.getPrivate())
					: null;
			return new AuditKeyMaterial(macKeys, signingKeys, verificationKeys(properties, pair));
		}
		catch (java.nio.file.FileSystemException ex) {
			throw unusableKeyFile(properties, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write the audit keys", ex);
		}
	}

	/** Names the property behind a key file that cannot be read or written (only the path, never content). */
	private static InvalidPalisadePropertyException unusableKeyFile(PalisadeAuditProperties properties,
			java.nio.file.FileSystemException ex) {
		String problem = "cannot use " + ex.getFile() + " (" + ex.getClass().getSimpleName() + ")";
		String configured = sameFile(ex.getFile(), properties.hmacKeyFile()) ? "palisade.audit.hmac-key-file"
				: sameFile(ex.getFile(), properties.signingKeyFile()) ? "palisade.audit.signing-key-file" : null;
		if (configured != null) {
			return new InvalidPalisadePropertyException(configured, problem,
					"Check that the file exists and that the application's user may read it.", ex);
		}
		String property = (properties.keyDirectory() != null) ? "palisade.audit.key-directory" : "palisade.audit.path";
		return new InvalidPalisadePropertyException(property, problem + " in the audit key directory "
				+ properties.effectiveKeyDirectory().toAbsolutePath(),
				"Make that directory writable by the application's user, or point " + property + " at one that is.", ex);
	}

	private static boolean sameFile(String failed, Path configured) {
		return failed != null && configured != null
				&& Path.of(failed).toAbsolutePath().normalize().equals(configured.toAbsolutePath().normalize());
	}

	private static Keyring<SecretKey> macKeys(PalisadeAuditProperties properties, byte[] primary) throws IOException {
		String primaryId = keyId(properties.hmacKeyId(), "palisade.audit.hmac-key-id");
		Keyring.Builder<SecretKey> builder = Keyring.<SecretKey>builder()
			.add(primaryId, AuditKeys.hmacKey(primary))
			.primary(primaryId);
		for (int i = 0; i < properties.previousHmacKeys().size(); i++) {
			PreviousHmacKey previous = properties.previousHmacKeys().get(i);
			String property = "palisade.audit.previous-hmac-keys[" + i + "]";
			byte[] key = (previous.file() != null) ? AuditKeys.readHmacKey(previous.file())
					: decodeHmacKey(previous.key(), property + ".key");
			add(builder, keyId(previous.id(), property + ".id"), AuditKeys.hmacKey(key), property);
		}
		return builder.build();
	}

	private static Keyring<PublicKey> verificationKeys(PalisadeAuditProperties properties, KeyPair current)
			throws IOException {
		if (current == null && properties.previousVerificationKeys().isEmpty()) {
			return null;
		}
		Keyring.Builder<PublicKey> builder = Keyring.builder();
		String primaryId = null;
		if (current != null) {
			primaryId = keyId(properties.signingKeyId(), "palisade.audit.signing-key-id");
			builder.add(primaryId, current.getPublic());
		}
		for (int i = 0; i < properties.previousVerificationKeys().size(); i++) {
			PreviousVerificationKey previous = properties.previousVerificationKeys().get(i);
			String property = "palisade.audit.previous-verification-keys[" + i + "]";
			if (previous.file() == null) {
				throw new InvalidPalisadePropertyException(property + ".file", "is not set",
						"Name the PEM file of the earlier checkpoint public key.", null);
			}
			String id = keyId(previous.id(), property + ".id");
			add(builder, id, AuditKeys.readPublicKey(previous.file()), property);
			primaryId = (primaryId != null) ? primaryId : id;
		}
		return builder.primary(primaryId).build();
	}

	private static <K> void add(Keyring.Builder<K> builder, String id, K key, String property) {
		try {
			builder.add(id, key);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPalisadePropertyException(property + ".id", "'" + id + "' is already used by another audit key",
					"Give every audit key its own id.", null);
		}
	}

	private static String keyId(String id, String property) {
		if (!AuditRecordFormat.isValidKeyId(id)) {
			throw new InvalidPalisadePropertyException(property, "is not a valid key id",
					"Use 1 to " + AuditRecordFormat.MAX_KEY_ID_LENGTH + " characters of [A-Za-z0-9._-].", null);
		}
		return id;
	}

	private static byte[] configuredHmacKey(PalisadeAuditProperties properties) throws IOException {
		if (properties.hmacKeyFile() != null) {
			try {
				return AuditKeys.readHmacKey(properties.hmacKeyFile());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException("palisade.audit.hmac-key-file", ex.getMessage(),
						"Write one line of base64 of at least " + AuditLog.MIN_HMAC_KEY_BYTES
								+ " bytes into the file, for example: openssl rand -base64 32 > FILE",
						null);
			}
		}
		return decodeHmacKey(properties.hmacKey(), "palisade.audit.hmac-key");
	}

	private static byte[] decodeHmacKey(String base64, String property) {
		if (base64 == null) {
			throw new InvalidPalisadePropertyException(property, "is not set", "Set it to a base64 key of at least "
					+ AuditLog.MIN_HMAC_KEY_BYTES + " bytes, for example: openssl rand -base64 32", null);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPalisadePropertyException(property, "is not base64 (the value is not shown)",
					"Set it to a base64 key, for example: openssl rand -base64 32", null);
		}
		if (key.length < AuditLog.MIN_HMAC_KEY_BYTES) {
			throw new InvalidPalisadePropertyException(property,
					"decodes to " + key.length + " bytes, fewer than the " + AuditLog.MIN_HMAC_KEY_BYTES + " an HMAC-SHA256 key needs",
					"Generate a longer key, for example: openssl rand -base64 32", null);
		}
		return key;
	}

	private static byte[] generatedHmacKey(Path keys) throws IOException {
		Path file = keys.resolve(HMAC_KEY_FILE);
		if (!Files.exists(file)) {
			byte[] key = new byte[AuditLog.MIN_HMAC_KEY_BYTES];
			new SecureRandom().nextBytes(key);
			write(keys, file, AuditKeys.toBase64(key) + "\n");
			logger.info("Generated the audit HMAC key " + file.toAbsolutePath()
					+ " (owner-only); the verifier needs it to check record MACs");
		}
		return AuditKeys.readHmacKey(file);
	}

	private static KeyPair generatedSigningKeys(Path keys) throws IOException {
		Path privateFile = keys.resolve(SIGNING_KEY_FILE);
		if (!Files.exists(privateFile)) {
			KeyPair pair = AuditKeys.generateSigningKeyPair();
			write(keys, keys.resolve(PUBLIC_KEY_FILE), AuditKeys.toPem(pair.getPublic()));
			write(keys, privateFile, AuditKeys.toPem(pair.getPrivate()));
			logger.info("Generated the audit checkpoint signing key " + privateFile.toAbsolutePath()
					+ " (owner-only) and its public key " + keys.resolve(PUBLIC_KEY_FILE).toAbsolutePath()
					+ "; keep a copy of the public key where the application cannot write");
		}
		PrivateKey signing = AuditKeys.readPrivateKey(privateFile);
		return new KeyPair(publicKeyOf(signing), signing);
	}

	/** Derives the Ed25519 public key from the private one, so a lost public file cannot split the pair. */
	static PublicKey publicKeyOf(PrivateKey privateKey) {
		try {
			// the JDK has no public API to derive it; sign-then-verify would not give the key. BouncyCastle does.
			var bcPrivate = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(
					((EdECPrivateKey) privateKey).getBytes().orElseThrow(), 0);
			byte[] raw = bcPrivate.generatePublicKey().getEncoded();
			// SubjectPublicKeyInfo for Ed25519: fixed 12-byte prefix (RFC 8410) then the raw key
			byte[] prefix = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
			byte[] der = new byte[prefix.length + raw.length];
			System.arraycopy(prefix, 0, der, 0, prefix.length);
			System.arraycopy(raw, 0, der, prefix.length, raw.length);
			return KeyFactory.getInstance(NamedParameterSpec.ED25519.getName())
				.generatePublic(new java.security.spec.X509EncodedKeySpec(der));
		}
		catch (java.security.GeneralSecurityException | ClassCastException | java.util.NoSuchElementException ex) {
			throw new InvalidPalisadePropertyException("palisade.audit.signing-key-file", "does not hold an Ed25519 private key",
					"Point it at a PEM \"PRIVATE KEY\" (PKCS#8) Ed25519 key, for example: openssl genpkey -algorithm ed25519",
					null);
		}
	}

	private static void write(Path directory, Path file, String content) throws IOException {
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		if (!Files.isDirectory(directory)) {
			if (posix) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
			}
			else {
				Files.createDirectories(directory);
			}
		}
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_FILE) } : new FileAttribute<?>[0];
		Path temp = Files.createTempFile(directory, ".audit-key-", ".tmp", attributes);
		try {
			Files.writeString(temp, content, StandardCharsets.US_ASCII);
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}
}
