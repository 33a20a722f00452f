package dev.palisade.security.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * Generates a signing key on first start, stores it as private JWK JSON in {@code directory}
 * (directory 700 and file 600 where the file system is POSIX), and reloads the same key on later
 * starts, so tokens survive restarts without any key configuration. Meant for development and single
 * instances; clustered services should configure PEM, JWK or secret-store keys. The file is written to a
 * temporary name and moved into place, so a crash never leaves half a key.
 */
public final class GeneratedKeySource implements TokenKeySource {

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final JWSAlgorithm algorithm;

	public GeneratedKeySource(Path directory, JWSAlgorithm algorithm) {
		this.directory = Objects.requireNonNull(directory, "directory");
		KeyAlgorithmRules.requireSupported(algorithm);
		this.algorithm = algorithm;
	}

	/** Where the key is stored. */
	public Path keyFile() {
		return this.directory.resolve("token-key-" + this.algorithm.getName().toLowerCase(Locale.ROOT) + ".jwk.json");
	}

	@Override
	public List<TokenKey> load() {
		Path file = keyFile();
		if (Files.exists(file)) {
			return List.of(read(file));
		}
		TokenKey key = TokenKey.generate(this.algorithm, null);
		write(file, key);
		return List.of(read(file));
	}

	private TokenKey read(Path file) {
		String json;
		try {
			json = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"Cannot read the generated token key " + file + " (" + ex.getClass().getSimpleName() + ")");
		}
		JWK jwk;
		try {
			jwk = JWK.parse(json);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY, "The generated token key file " + file
					+ " is not valid JWK JSON; delete it to generate a new key");
		}
		return TokenKey.of(jwk, this.algorithm);
	}

	private void write(Path file, TokenKey key) {
		boolean posix = isPosix();
		try {
			if (!Files.isDirectory(this.directory)) {
				if (posix) {
					Files.createDirectories(this.directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
				}
				else {
					Files.createDirectories(this.directory);
				}
			}
			FileAttribute<?>[] attributes = posix
					? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_FILE) }
					: new FileAttribute<?>[0];
			Path temp = Files.createTempFile(this.directory, ".token-key-", ".tmp", attributes);
			try {
				Files.writeString(temp, key.jwk().toJSONString(), StandardCharsets.UTF_8);
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// another process won the race; its key is read back by the caller
		}
		catch (IOException | UnsupportedOperationException ex) {
			throw new InvalidKeyConfigurationException(Reason.KEY_STORAGE_FAILED, "Cannot store the generated token key in "
					+ this.directory + " (" + ex.getClass().getSimpleName() + "); make the directory writable");
		}
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	@Override
	public String toString() {
		return "GeneratedKeySource[" + keyFile() + "]";
	}

}
