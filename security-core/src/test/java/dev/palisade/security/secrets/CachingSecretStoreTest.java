package dev.palisade.security.secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingSecretStoreTest {

	private static final SecretPath PATH = SecretPath.of("palisade/tokens");

	@TempDir
	Path dir;

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void servesFromCacheWithinTheTtlAndRereadsAfterIt() {
		Switchable backend = new Switchable(new LocalSecretStore(this.dir, SecretTestSupport.aead()));
		CachingSecretStore cache = new CachingSecretStore(backend, Duration.ofSeconds(30), Duration.ofMinutes(5), 100,
				this.nanos::get);
		backend.put(PATH, Map.of("hmac", "one"), Map.of(), SecretStore.NEW);
		assertThat(cache.get(PATH).orElseThrow().field("hmac")).isEqualTo("one");
		backend.put(PATH, Map.of("hmac", "two"), Map.of(), 1);
		assertThat(cache.get(PATH).orElseThrow().field("hmac")).isEqualTo("one");
		assertThat(backend.reads).isEqualTo(1);
		advance(Duration.ofSeconds(31));
		assertThat(cache.get(PATH).orElseThrow().field("hmac")).isEqualTo("two");
		assertThat(backend.reads).isEqualTo(2);
	}

	@Test
	void aWriteThroughTheCacheIsSeenAtOnce() {
		Switchable backend = new Switchable(new LocalSecretStore(this.dir, SecretTestSupport.aead()));
		CachingSecretStore cache = new CachingSecretStore(backend, Duration.ofSeconds(30), Duration.ofMinutes(5), 100,
				this.nanos::get);
		cache.put(PATH, Map.of("hmac", "one"), Map.of(), SecretStore.NEW);
		assertThat(cache.get(PATH).orElseThrow().version()).isEqualTo(1);
		cache.put(PATH, Map.of("hmac", "two"), Map.of(), 1);
		assertThat(cache.get(PATH).orElseThrow().field("hmac")).isEqualTo("two");
		cache.delete(PATH);
		assertThat(cache.get(PATH)).isEmpty();
	}

	@Test
	void whileTheBackendIsDownReadsAreStaleWithinTheBoundAndWritesFail() {
		Switchable backend = new Switchable(new LocalSecretStore(this.dir, SecretTestSupport.aead()));
		CachingSecretStore cache = new CachingSecretStore(backend, Duration.ofSeconds(30), Duration.ofMinutes(5), 100,
				this.nanos::get);
		backend.put(PATH, Map.of("hmac", "one"), Map.of(), SecretStore.NEW);
		cache.get(PATH);
		backend.down = true;

		advance(Duration.ofMinutes(4));
		assertThat(cache.get(PATH).orElseThrow().field("hmac")).isEqualTo("one");
		assertThat(cache.staleReads()).isEqualTo(1);
		assertThatThrownBy(() -> cache.put(PATH, Map.of("hmac", "lost?"), Map.of(), 1))
			.isInstanceOf(SecretStoreUnavailableException.class);
		assertThatThrownBy(() -> cache.get(SecretPath.of("never/read"))).isInstanceOf(SecretStoreUnavailableException.class);

		advance(Duration.ofMinutes(2));
		assertThatThrownBy(() -> cache.get(PATH)).isInstanceOf(SecretStoreUnavailableException.class);

		backend.down = false;
		assertThat(cache.get(PATH).orElseThrow().version()).isEqualTo(1);
		assertThat(backend.delegate.get(PATH).orElseThrow().field("hmac")).isEqualTo("one");
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	/** The real local store behind a switch that makes it answer as an unreachable backend would. */
	static final class Switchable implements SecretStore {

		final SecretStore delegate;

		volatile boolean down;

		int reads;

		Switchable(SecretStore delegate) {
			this.delegate = delegate;
		}

		private void check() {
			if (this.down) {
				throw new SecretStoreUnavailableException("backend down (test)");
			}
		}

		@Override
		public Optional<Secret> get(SecretPath path) {
			check();
			this.reads++;
			return this.delegate.get(path);
		}

		@Override
		public Optional<Secret> get(SecretPath path, long version) {
			check();
			return this.delegate.get(path, version);
		}

		@Override
		public Optional<SecretMetadata> metadata(SecretPath path) {
			check();
			return this.delegate.metadata(path);
		}

		@Override
		public SecretVersion put(SecretPath path, Map<String, String> data, Map<String, String> customMetadata,
				long expectedVersion) {
			check();
			return this.delegate.put(path, data, customMetadata, expectedVersion);
		}

		@Override
		public boolean delete(SecretPath path) {
			check();
			return this.delegate.delete(path);
		}

		@Override
		public List<String> list(String prefix) {
			check();
			return this.delegate.list(prefix);
		}

	}

}
