package dev.palisade.security.secrets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSecretStoreTest {

	private static final SecretPath OPENAI = SecretPath.of("orgs/acme/projects/p1/openai");

	private static final String VALUE = "sk-abcdefghijklmnopqrstuvwxyz0123456789";

	@TempDir
	Path dir;

	private LocalSecretStore store() {
		return new LocalSecretStore(this.dir.resolve("secrets"), SecretTestSupport.aead());
	}

	@Test
	void putGetVersionsAndMetadataSurviveARestart() {
		LocalSecretStore store = store();
		assertThat(store.put(OPENAI, Map.of("api_key", VALUE), Map.of("provider", "openai"), SecretStore.NEW).version())
			.isEqualTo(1);
		assertThat(store.put(OPENAI, Map.of("api_key", VALUE + "-2"), Map.of("provider", "openai"), 1).version()).isEqualTo(2);

		LocalSecretStore restarted = store();
		Secret latest = restarted.get(OPENAI).orElseThrow();
		assertThat(latest.version()).isEqualTo(2);
		assertThat(latest.field("api_key")).isEqualTo(VALUE + "-2");
		assertThat(restarted.get(OPENAI, 1).orElseThrow().field("api_key")).isEqualTo(VALUE);
		assertThat(restarted.get(OPENAI, 7)).isEmpty();
		SecretMetadata metadata = restarted.metadata(OPENAI).orElseThrow();
		assertThat(metadata.currentVersion()).isEqualTo(2);
		assertThat(metadata.versions()).extracting(SecretVersion::version).containsExactly(1L, 2L);
		assertThat(metadata.customMetadata()).containsEntry("provider", "openai");
		assertThat(latest.toString()).doesNotContain(VALUE);
	}

	@Test
	void noPlaintextValueIsOnDiskAndFilesAreOwnerOnly() throws Exception {
		store().put(OPENAI, Map.of("api_key", VALUE), Map.of(), SecretStore.NEW);
		try (Stream<Path> files = Files.walk(this.dir)) {
			for (Path file : files.toList()) {
				String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
				if (Files.isDirectory(file)) {
					if (file.startsWith(this.dir.resolve("secrets"))) {
						assertThat(mode).as(file.toString()).isEqualTo("rwx------");
					}
				}
				else {
					assertThat(mode).isEqualTo("rw-------");
					String text = Files.readString(file);
					assertThat(text).doesNotContain(VALUE).doesNotContain("abcdefghijklmnop");
					assertThat(text).doesNotContain(java.util.Base64.getUrlEncoder().withoutPadding()
						.encodeToString(VALUE.getBytes(StandardCharsets.UTF_8)).substring(0, 20));
				}
			}
		}
	}

	@Test
	void checkAndSetRefusesAStaleWriterAndNeverOverwrites() {
		LocalSecretStore store = store();
		store.put(OPENAI, Map.of("api_key", "first"), Map.of(), SecretStore.NEW);
		assertThatThrownBy(() -> store.put(OPENAI, Map.of("api_key", "second"), Map.of(), SecretStore.NEW))
			.isInstanceOf(SecretVersionConflictException.class)
			.hasMessageNotContaining("second");
		store.put(OPENAI, Map.of("api_key", "second"), Map.of(), 1);
		assertThatThrownBy(() -> store.put(OPENAI, Map.of("api_key", "third"), Map.of(), 1))
			.isInstanceOf(SecretVersionConflictException.class);
		assertThat(store.get(OPENAI).orElseThrow().field("api_key")).isEqualTo("second");
	}

	@Test
	void concurrentWritersWithTheVersionTheyReadNeverLoseAnUpdate() throws Exception {
		LocalSecretStore store = store();
		store.put(OPENAI, Map.of("count", "0"), Map.of(), SecretStore.NEW);
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(pool.submit(() -> {
					for (int done = 0; done < 25;) {
						Secret current = store.get(OPENAI).orElseThrow();
						int next = Integer.parseInt(current.field("count")) + 1;
						try {
							store.put(OPENAI, Map.of("count", Integer.toString(next)), Map.of(), current.version());
							done++;
						}
						catch (SecretVersionConflictException ex) {
							conflicts.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(store.get(OPENAI).orElseThrow().field("count")).isEqualTo("100");
	}

	@Test
	void keepsTheConfiguredNumberOfVersions() {
		LocalSecretStore store = new LocalSecretStore(this.dir, SecretTestSupport.aead(), java.time.Clock.systemUTC(), 3);
		for (int i = 1; i <= 5; i++) {
			store.put(OPENAI, Map.of("v", Integer.toString(i)), Map.of(), SecretStore.ANY_VERSION);
		}
		assertThat(store.metadata(OPENAI).orElseThrow().versions()).extracting(SecretVersion::version)
			.containsExactly(3L, 4L, 5L);
		assertThat(store.get(OPENAI, 1)).isEmpty();
	}

	@Test
	void listsNamesLikeVaultAndDeletes() {
		LocalSecretStore store = store();
		store.put(OPENAI, Map.of("k", "v"), Map.of(), SecretStore.NEW);
		store.put(SecretPath.of("orgs/acme/projects/p1/aws"), Map.of("k", "v"), Map.of(), SecretStore.NEW);
		store.put(SecretPath.of("orgs/globex/projects/p9/x"), Map.of("k", "v"), Map.of(), SecretStore.NEW);
		assertThat(store.list("")).containsExactly("orgs/");
		assertThat(store.list("orgs/")).containsExactly("acme/", "globex/");
		assertThat(store.list("orgs/acme/projects/p1")).containsExactly("aws", "openai");
		assertThat(store.list("orgs/nobody")).isEmpty();
		assertThat(store.delete(OPENAI)).isTrue();
		assertThat(store.delete(OPENAI)).isFalse();
		assertThat(store.get(OPENAI)).isEmpty();
		assertThat(store.list("orgs/acme/projects/p1")).containsExactly("aws");
	}

	@Test
	void anEditedMovedOrForeignFileIsRefusedAsCorrupted() throws Exception {
		LocalSecretStore store = store();
		store.put(OPENAI, Map.of("api_key", VALUE), Map.of("access_key_id", "AKIA1"), SecretStore.NEW);
		Path file = this.dir.resolve("secrets/orgs/acme/projects/p1/openai.secret");
		String original = Files.readString(file);

		Files.writeString(file, original.replace(encoded("AKIA1"), encoded("AKIA2")));
		assertThatThrownBy(() -> store.metadata(OPENAI)).isInstanceOf(SecretStoreCorruptedException.class);

		Files.writeString(file, original.substring(0, original.length() / 2));
		assertThatThrownBy(() -> store.get(OPENAI)).isInstanceOf(SecretStoreCorruptedException.class)
			.hasMessageContaining(OPENAI.value());

		Files.writeString(file, "");
		assertThatThrownBy(() -> store.get(OPENAI)).isInstanceOf(SecretStoreCorruptedException.class);

		// a tenant's file copied over another tenant's path does not open there
		Files.writeString(file, original);
		Path other = this.dir.resolve("secrets/orgs/globex/projects/p1/openai.secret");
		Files.createDirectories(other.getParent());
		Files.copy(file, other);
		assertThatThrownBy(() -> store.get(SecretPath.of("orgs/globex/projects/p1/openai")))
			.isInstanceOf(SecretStoreCorruptedException.class);

		KeyringAead otherKey = KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM)));
		assertThatThrownBy(() -> new LocalSecretStore(this.dir.resolve("secrets"), otherKey).get(OPENAI))
			.isInstanceOf(SecretStoreCorruptedException.class);
		assertThat(store.get(OPENAI).orElseThrow().field("api_key")).isEqualTo(VALUE);
	}

	@Test
	void rotationReencryptsEveryFileSoTheOldKeyCanBeDestroyed() {
		Keyring<AeadKey> first = SecretTestSupport.aead().keyring();
		new LocalSecretStore(this.dir, KeyringAead.of(first)).put(OPENAI, Map.of("api_key", VALUE), Map.of(), SecretStore.NEW);
		Keyring<AeadKey> rotated = first.withAdded("k2", AeadKey.generate(AeadAlgorithm.XCHACHA20_POLY1305)).withPrimary("k2");
		KeyringAead aead = KeyringAead.of(rotated);
		LocalSecretStore store = new LocalSecretStore(this.dir, aead);
		assertThat(store.reencryptAll(aead::needsReencryption)).isEqualTo(1);
		assertThat(store.reencryptAll(aead::needsReencryption)).isZero();

		LocalSecretStore withoutOldKey = new LocalSecretStore(this.dir, KeyringAead.of(rotated.withStatus("k1", KeyStatus.DESTROYED)));
		assertThat(withoutOldKey.get(OPENAI).orElseThrow().field("api_key")).isEqualTo(VALUE);
	}

	@Test
	void badPathsAndFieldsAreRefusedBeforeTouchingTheDisk() {
		LocalSecretStore store = store();
		for (String bad : List.of("../etc/passwd", "orgs//x", "/abs", "orgs/acme/", ".hidden", "a/b.secret", "a/./b", "a b",
				"x".repeat(600))) {
			assertThatThrownBy(() -> SecretPath.of(bad)).as(bad).isInstanceOf(InvalidSecretException.class);
		}
		assertThatThrownBy(() -> store.put(OPENAI, Map.of(), Map.of(), SecretStore.NEW)).isInstanceOf(InvalidSecretException.class);
		assertThatThrownBy(() -> store.put(OPENAI, Map.of("bad name", "v"), Map.of(), SecretStore.NEW))
			.isInstanceOf(InvalidSecretException.class);
		Map<String, String> tooMany = new HashMap<>();
		for (int i = 0; i < 65; i++) {
			tooMany.put("f" + i, "v");
		}
		assertThatThrownBy(() -> store.put(OPENAI, tooMany, Map.of(), SecretStore.NEW)).isInstanceOf(InvalidSecretException.class);
		assertThat(store.list("")).isEmpty();
	}

	@Test
	void killDashNineDuringWritesLosesAtMostTheWriteInProgress() throws Exception {
		Path root = this.dir.resolve("secrets");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				LocalSecretStoreCrashChild.class.getName(), root.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		Map<String, Long> acknowledged = new HashMap<>();
		int acks = 0;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("ACK ")) {
					String[] words = line.split(" ");
					acknowledged.put(words[1], Long.parseLong(words[2]));
					if (++acks == 200) {
						child.destroyForcibly();
						break;
					}
				}
			}
		}
		finally {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		LocalSecretStore store = new LocalSecretStore(root, SecretTestSupport.aead());
		for (Map.Entry<String, Long> entry : acknowledged.entrySet()) {
			Secret secret = store.get(SecretPath.of(entry.getKey())).orElseThrow();
			// every acknowledged write is there; at most the one in flight went further
			assertThat(secret.version()).isBetween(entry.getValue(), entry.getValue() + 1);
			assertThat(secret.field("api_key")).startsWith("value-" + secret.version() + "-");
		}
		assertThat(store.list("orgs/acme/projects/p1")).containsExactly("aws", "openai");
	}

	private static String encoded(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
