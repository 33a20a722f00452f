package dev.palisade.security.crypto.aead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.palisade.security.crypto.keyring.InvalidKeyringException;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;

/**
 * Reads and writes an AEAD keyring as text, one key per line:
 * <pre>
 * palisade-aead-keyring 1
 * primary k2
 * key k1 AES_256_GCM ENABLED base64-of-32-bytes
 * key k2 XCHACHA20_POLY1305 ENABLED base64-of-32-bytes
 * key k0 AES_256_GCM DESTROYED -
 * </pre>
 * The same text can sit in configuration or in a secret store. A file must be readable by its owner
 * only (on POSIX file systems); {@link #load} refuses one that group or others can read. Errors name the
 * line, never its content.
 */
public final class AeadKeyringFile {

	static final String HEADER = "palisade-aead-keyring 1";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private AeadKeyringFile() {
	}

	/** The keyring as text. The text holds key material: treat it as a secret. */
	public static String format(Keyring<AeadKey> keyring) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		text.append("primary ").append(keyring.primaryId()).append('\n');
		for (Keyring.Entry<AeadKey> entry : keyring.entries()) {
			checkWord(entry.keyId());
			text.append("key ").append(entry.keyId()).append(' ');
			if (entry.key() == null) {
				text.append(AeadAlgorithm.AES_256_GCM).append(' ').append(entry.status()).append(" -\n");
				continue;
			}
			byte[] material = entry.key().material();
			try {
				text.append(entry.key().algorithm())
					.append(' ')
					.append(entry.status())
					.append(' ')
					.append(Base64.getEncoder().encodeToString(material))
					.append('\n');
			}
			finally {
				Arrays.fill(material, (byte) 0);
			}
		}
		return text.toString();
	}

	/**
	 * The keyring in {@code text}.
	 * @throws InvalidKeyringException naming the first bad line
	 */
	public static Keyring<AeadKey> parse(String text) {
		if (text == null) {
			throw new InvalidKeyringException("No AEAD keyring text");
		}
		String[] lines = text.strip().split("\r?\n");
		if (!lines[0].strip().equals(HEADER)) {
			throw new InvalidKeyringException("An AEAD keyring starts with the line '" + HEADER + "'");
		}
		Keyring.Builder<AeadKey> builder = Keyring.builder();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] words = line.split(" +");
			if (words[0].equals("primary") && words.length == 2) {
				builder.primary(words[1]);
			}
			else if (words[0].equals("key") && words.length == 5) {
				KeyStatus status = parseEnum(KeyStatus.class, words[3], i);
				AeadAlgorithm algorithm = parseEnum(AeadAlgorithm.class, words[2], i);
				if (status == KeyStatus.DESTROYED) {
					builder.add(words[1], status, null);
					continue;
				}
				byte[] material = material(words[4], i);
				try {
					builder.add(words[1], status, AeadKey.of(algorithm, material));
				}
				finally {
					Arrays.fill(material, (byte) 0);
				}
			}
			else {
				throw new InvalidKeyringException("Line " + (i + 1) + " of the AEAD keyring is neither 'primary ID' nor "
						+ "'key ID ALGORITHM STATUS BASE64'");
			}
		}
		return builder.build();
	}

	/**
	 * The keyring in {@code file}.
	 * @throws InvalidKeyringException if the file is missing, unreadable, readable by others or malformed
	 */
	public static Keyring<AeadKey> load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new InvalidKeyringException("No AEAD keyring file at " + file);
		}
		checkOwnerOnly(file);
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new InvalidKeyringException("The AEAD keyring file " + file + " cannot be read: " + ex.getClass().getSimpleName());
		}
	}

	/** The keyring in {@code file}; when there is none, a new one of one random key, written there first. */
	public static Keyring<AeadKey> loadOrGenerate(Path file, AeadAlgorithm algorithm) {
		if (Files.exists(file)) {
			return load(file);
		}
		Keyring<AeadKey> generated = Keyring.of("k" + UUID.randomUUID().toString().substring(0, 8), AeadKey.generate(algorithm));
		try {
			write(file, generated, false);
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof FileAlreadyExistsException) {
				return load(file);
			}
			throw ex;
		}
		return generated;
	}

	/**
	 * Writes {@code keyring} to {@code file}, owner-only, atomically: a reader sees the old file or the new
	 * one, never part of one.
	 * @param replace whether an existing file may be replaced
	 */
	public static void write(Path file, Keyring<AeadKey> keyring, boolean replace) {
		Path dir = file.toAbsolutePath().getParent();
		Path temp = dir.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
		try {
			Files.createDirectories(dir);
			Files.createFile(temp);
			restrict(temp);
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(StandardCharsets.UTF_8.encode(format(keyring)));
				channel.force(true);
			}
			if (replace) {
				move(temp, file);
			}
			else {
				// a hard link fails when the target exists, so two first starts cannot both win
				Files.createLink(file, temp);
				Files.delete(temp);
			}
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// the temporary file holds nothing the next start reads
			}
			throw new UncheckedIOException("The AEAD keyring cannot be written to " + file, ex);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void restrict(Path file) throws IOException {
		if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static void checkOwnerOnly(Path file) {
		try {
			if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
				return;
			}
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			for (PosixFilePermission permission : permissions) {
				if (permission.name().startsWith("GROUP_") || permission.name().startsWith("OTHERS_")) {
					throw new InvalidKeyringException("The AEAD keyring file " + file + " can be read or written by others ("
							+ PosixFilePermissions.toString(permissions) + "); chmod 600 it");
				}
			}
		}
		catch (IOException ex) {
			throw new InvalidKeyringException("The permissions of " + file + " cannot be read");
		}
	}

	private static byte[] material(String base64, int line) {
		byte[] material;
		try {
			material = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidKeyringException("Line " + (line + 1) + " of the AEAD keyring: the key is not base64");
		}
		if (material.length != AeadAlgorithm.KEY_SIZE) {
			Arrays.fill(material, (byte) 0);
			throw new InvalidKeyringException(
					"Line " + (line + 1) + " of the AEAD keyring: a key must be " + AeadAlgorithm.KEY_SIZE + " bytes");
		}
		return material;
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String word, int line) {
		try {
			return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidKeyringException("Line " + (line + 1) + " of the AEAD keyring: unknown "
					+ type.getSimpleName() + " (one of " + Arrays.toString(type.getEnumConstants()) + ")");
		}
	}

	private static void checkWord(String keyId) {
		if (keyId.contains(" ") || keyId.contains("\n")) {
			throw new InvalidKeyringException("A key id in a keyring file must not contain spaces or line breaks");
		}
	}

}
