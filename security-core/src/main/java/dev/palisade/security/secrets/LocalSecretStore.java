package dev.palisade.security.secrets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.palisade.security.crypto.aead.Aead;
import dev.palisade.security.crypto.aead.AeadException;

/**
 * Secrets in a directory, one file per secret ({@code orgs/acme/openai} is {@code orgs/acme/openai.secret}),
 * every version's fields sealed with an {@link Aead} bound to the path and version, so no plaintext
 * value is ever on disk and a file moved to another path does not open. The file's plain parts (the
 * version list and custom metadata) are covered by a final seal line, so an edit to them is detected.
 * <p>
 * Writes are atomic: the new file is written beside the old one, forced to disk, renamed over it and
 * the directory forced, so a crash (even {@code kill -9}) loses at most the write in progress and
 * never leaves a half-written file. Files and directories are owner-only. Writers in this process are
 * serialised per path; the directory is meant for one process.
 */
public final class LocalSecretStore implements SecretStore {

	private static final String HEADER = "palisade-secret 1";

	private static final String SUFFIX = ".secret";

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder B64D = Base64.getUrlDecoder();

	private final Path root;

	private final Aead aead;

	private final Clock clock;

	private final int maxVersions;

	private final Map<SecretPath, Object> locks = new ConcurrentHashMap<>();

	/**
	 * A store in {@code root}, created owner-only if missing.
	 * @param maxVersions how many versions of one secret are kept (older ones are dropped on write)
	 */
	public LocalSecretStore(Path root, Aead aead, Clock clock, int maxVersions) {
		this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
		this.aead = Objects.requireNonNull(aead, "aead");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (maxVersions < 1) {
			throw new IllegalArgumentException("maxVersions must be at least 1");
		}
		this.maxVersions = maxVersions;
		try {
			createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new SecretStoreUnavailableException("The secret store directory " + this.root + " cannot be created", ex);
		}
	}

	/** A store in {@code root} keeping 10 versions of each secret, as Vault KV v2 does by default. */
	public LocalSecretStore(Path root, Aead aead) {
		this(root, aead, Clock.systemUTC(), 10);
	}

	@Override
	public Optional<Secret> get(SecretPath path) {
		return read(path).map((file) -> file.open(path, file.versions.get(file.versions.size() - 1)));
	}

	@Override
	public Optional<Secret> get(SecretPath path, long version) {
		return read(path).flatMap((file) -> file.versions.stream()
			.filter((stored) -> stored.version == version)
			.findFirst()
			.map((stored) -> file.open(path, stored)));
	}

	@Override
	public Optional<SecretMetadata> metadata(SecretPath path) {
		return read(path).map((file) -> file.metadata(path));
	}

	@Override
	public SecretVersion put(SecretPath path, Map<String, String> data, Map<String, String> customMetadata,
			long expectedVersion) {
		Map<String, String> fields = Secret.checkData(data);
		Map<String, String> metadata = checkMetadata(customMetadata);
		synchronized (lock(path)) {
			Optional<StoredFile> current = read(path);
			long currentVersion = current.map(StoredFile::currentVersion).orElse(0L);
			if (expectedVersion != ANY_VERSION && expectedVersion != currentVersion) {
				throw new SecretVersionConflictException(path, expectedVersion);
			}
			List<StoredVersion> versions = new ArrayList<>(current.map((file) -> file.versions).orElse(List.of()));
			long version = currentVersion + 1;
			Instant now = this.clock.instant();
			byte[] sealed = this.aead.encrypt(encodeFields(fields), versionAad(path, version));
			versions.add(new StoredVersion(version, now, sealed));
			while (versions.size() > this.maxVersions) {
				versions.remove(0);
			}
			write(path, new StoredFile(metadata, versions));
			return new SecretVersion(version, now);
		}
	}

	@Override
	public boolean delete(SecretPath path) {
		synchronized (lock(path)) {
			Path file = fileOf(path);
			try {
				boolean deleted = Files.deleteIfExists(file);
				if (deleted) {
					forceDirectory(file.getParent());
				}
				return deleted;
			}
			catch (IOException ex) {
				throw new SecretStoreUnavailableException("The secret " + path + " cannot be deleted", ex);
			}
		}
	}

	@Override
	public List<String> list(String prefix) {
		Path dir = (prefix == null || prefix.isEmpty()) ? this.root : directoryOf(SecretPath.of(strip(prefix)));
		TreeSet<String> names = new TreeSet<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".")) {
					continue;
				}
				if (Files.isDirectory(entry)) {
					if (hasSecrets(entry)) {
						names.add(name + "/");
					}
				}
				else if (name.endsWith(SUFFIX)) {
					names.add(name.substring(0, name.length() - SUFFIX.length()));
				}
			}
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new SecretStoreUnavailableException("The secret store cannot list " + prefix, ex);
		}
		return List.copyOf(names);
	}

	/**
	 * Rewrites every secret whose versions or seal were made by an older key with the AEAD's current
	 * primary (after a rotation), so the old key can then be destroyed. Pass
	 * {@code keyringAead::needsReencryption}.
	 * @return how many secret files were rewritten
	 */
	public int reencryptAll(Predicate<byte[]> needsReencryption) {
		int rewritten = 0;
		for (SecretPath path : allPaths(this.root, "")) {
			synchronized (lock(path)) {
				Optional<StoredFile> file = read(path);
				if (file.isEmpty()) {
					continue;
				}
				boolean stale = file.get().versions.stream().anyMatch((v) -> needsReencryption.test(v.sealed));
				if (!stale) {
					continue;
				}
				List<StoredVersion> versions = new ArrayList<>();
				for (StoredVersion version : file.get().versions) {
					byte[] aad = versionAad(path, version.version);
					byte[] sealed = needsReencryption.test(version.sealed)
							? this.aead.encrypt(openVersion(path, version), aad) : version.sealed;
					versions.add(new StoredVersion(version.version, version.createdAt, sealed));
				}
				write(path, new StoredFile(file.get().customMetadata, versions));
				rewritten++;
			}
		}
		return rewritten;
	}

	@Override
	public String toString() {
		return "LocalSecretStore[" + this.root + "]";
	}

	private Optional<StoredFile> read(SecretPath path) {
		Path file = fileOf(path);
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new SecretStoreUnavailableException("The secret " + path + " cannot be read", ex);
		}
		return Optional.of(parse(path, text));
	}

	private StoredFile parse(SecretPath path, String text) {
		int sealAt = text.lastIndexOf("\nseal ");
		if (!text.startsWith(HEADER + "\n") || sealAt < 0 || !text.endsWith("\n")) {
			throw corrupted(path, "it is not a complete Palisade secret file");
		}
		String body = text.substring(0, sealAt + 1);
		try {
			this.aead.decrypt(B64D.decode(text.substring(sealAt + 6, text.length() - 1)), fileAad(path, body));
		}
		catch (AeadException | IllegalArgumentException ex) {
			throw corrupted(path, "its seal does not verify (edited, moved from another path, or sealed with a key "
					+ "the keyring does not hold)");
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		List<StoredVersion> versions = new ArrayList<>();
		String[] lines = body.split("\n");
		for (int i = 1; i < lines.length; i++) {
			String[] words = lines[i].split(" ");
			if (words[0].equals("path") && words.length == 2 && words[1].equals(path.value())) {
				continue;
			}
			if (words[0].equals("meta") && words.length == 3) {
				metadata.put(decodeText(words[1]), decodeText(words[2]));
			}
			else if (words[0].equals("version") && words.length == 4) {
				try {
					versions.add(new StoredVersion(Long.parseLong(words[1]), Instant.ofEpochMilli(Long.parseLong(words[2])),
							B64D.decode(words[3])));
				}
				catch (IllegalArgumentException ex) {
					throw corrupted(path, "line " + (i + 1) + " is not a version");
				}
			}
			else {
				throw corrupted(path, "line " + (i + 1) + " is not understood");
			}
		}
		if (versions.isEmpty()) {
			throw corrupted(path, "it holds no version");
		}
		return new StoredFile(metadata, versions);
	}

	private void write(SecretPath path, StoredFile file) {
		StringBuilder body = new StringBuilder(HEADER).append('\n').append("path ").append(path.value()).append('\n');
		file.customMetadata.forEach((key, value) -> body.append("meta ")
			.append(encodeText(key))
			.append(' ')
			.append(encodeText(value))
			.append('\n'));
		for (StoredVersion version : file.versions) {
			body.append("version ")
				.append(version.version)
				.append(' ')
				.append(version.createdAt.toEpochMilli())
				.append(' ')
				.append(B64.encodeToString(version.sealed))
				.append('\n');
		}
		String text = body + "seal " + B64.encodeToString(this.aead.encrypt(new byte[0], fileAad(path, body.toString())))
				+ "\n";
		Path target = fileOf(path);
		Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
		try {
			createDirectories(target.getParent());
			Files.createFile(temp);
			restrict(temp, "rw-------");
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(StandardCharsets.UTF_8.encode(text));
				channel.force(true);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			forceDirectory(target.getParent());
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// a leftover temporary file is ignored by every read and list
			}
			throw new SecretStoreUnavailableException("The secret " + path + " cannot be written; nothing was changed", ex);
		}
	}

	private byte[] openVersion(SecretPath path, StoredVersion version) {
		try {
			return this.aead.decrypt(version.sealed, versionAad(path, version.version));
		}
		catch (AeadException ex) {
			throw corrupted(path, "version " + version.version + " does not open (" + ex.reason() + ")");
		}
	}

	private Object lock(SecretPath path) {
		return this.locks.computeIfAbsent(path, (key) -> new Object());
	}

	private Path fileOf(SecretPath path) {
		return this.root.resolve(path.value() + SUFFIX);
	}

	private Path directoryOf(SecretPath path) {
		return this.root.resolve(path.value());
	}

	private boolean hasSecrets(Path dir) throws IOException {
		try (var walk = Files.walk(dir)) {
			return walk.anyMatch((p) -> p.getFileName().toString().endsWith(SUFFIX)
					&& !p.getFileName().toString().startsWith("."));
		}
	}

	private List<SecretPath> allPaths(Path dir, String prefix) {
		List<SecretPath> paths = new ArrayList<>();
		for (String name : list(prefix)) {
			if (name.endsWith("/")) {
				paths.addAll(allPaths(dir, prefix + name));
			}
			else {
				paths.add(SecretPath.of(prefix + name));
			}
		}
		return paths;
	}

	private Secret decode(SecretPath path, StoredVersion version) {
		byte[] plain = openVersion(path, version);
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : new String(plain, StandardCharsets.UTF_8).split("\n")) {
			int space = line.indexOf(' ');
			if (space < 0) {
				throw corrupted(path, "version " + version.version + " is not a field list");
			}
			fields.put(decodeText(line.substring(0, space)), decodeText(line.substring(space + 1)));
		}
		java.util.Arrays.fill(plain, (byte) 0);
		return new Secret(path, version.version, version.createdAt, fields);
	}

	private static byte[] encodeFields(Map<String, String> fields) {
		StringBuilder text = new StringBuilder();
		fields.forEach((key, value) -> text.append(encodeText(key)).append(' ').append(encodeText(value)).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> checkMetadata(Map<String, String> metadata) {
		if (metadata == null || metadata.isEmpty()) {
			return Map.of();
		}
		if (metadata.size() > Secret.MAX_FIELDS) {
			throw new InvalidSecretException("A secret has at most " + Secret.MAX_FIELDS + " custom metadata entries");
		}
		metadata.forEach((key, value) -> {
			if (key == null || key.isEmpty() || key.length() > 128 || value == null || value.length() > 512) {
				throw new InvalidSecretException("Custom metadata keys are 1 to 128 characters and values at most 512");
			}
		});
		return new LinkedHashMap<>(metadata);
	}

	private static byte[] versionAad(SecretPath path, long version) {
		return ("palisade-secret\0" + path.value() + "\0" + version).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] fileAad(SecretPath path, String body) {
		return ("palisade-secret-file\0" + path.value() + "\0" + body).getBytes(StandardCharsets.UTF_8);
	}

	private static String encodeText(String text) {
		return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeText(String encoded) {
		return new String(B64D.decode(encoded), StandardCharsets.UTF_8);
	}

	private static String strip(String prefix) {
		return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

	private static SecretStoreCorruptedException corrupted(SecretPath path, String why) {
		return new SecretStoreCorruptedException("The stored secret " + path + " is refused: " + why);
	}

	private static void createDirectories(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		createDirectories(dir.getParent());
		try {
			Files.createDirectory(dir);
			restrict(dir, "rwx------");
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			// another writer made it
		}
	}

	private static void restrict(Path path, String permissions) throws IOException {
		if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	private static void forceDirectory(Path dir) throws IOException {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems cannot open a directory; the rename itself is still atomic there
		}
	}

	private record StoredVersion(long version, Instant createdAt, byte[] sealed) {
	}

	private final class StoredFile {

		private final Map<String, String> customMetadata;

		private final List<StoredVersion> versions;

		private StoredFile(Map<String, String> customMetadata, List<StoredVersion> versions) {
			this.customMetadata = customMetadata;
			this.versions = versions;
		}

		long currentVersion() {
			return this.versions.get(this.versions.size() - 1).version;
		}

		Secret open(SecretPath path, StoredVersion version) {
			return decode(path, version);
		}

		SecretMetadata metadata(SecretPath path) {
			return new SecretMetadata(path, currentVersion(),
					this.versions.stream().map((v) -> new SecretVersion(v.version, v.createdAt)).toList(),
					this.customMetadata);
		}

	}

}
