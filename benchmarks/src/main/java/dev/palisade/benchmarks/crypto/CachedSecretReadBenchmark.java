package dev.palisade.benchmarks.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.secrets.CachingSecretStore;
import dev.palisade.security.secrets.LocalSecretStore;
import dev.palisade.security.secrets.Secret;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A cached secret read (the cache over the local store) against an uncached read of the local store. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CachedSecretReadBenchmark {

	private static final SecretPath PATH = SecretPath.of("orgs/acme/projects/p1/openai");

	private LocalSecretStore local;

	private CachingSecretStore cached;

	@Setup
	public void setUp() throws Exception {
		Path dir = Files.createTempDirectory("palisade-secrets-bench");
		this.local = new LocalSecretStore(dir, KeyringAead.of(Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM))));
		this.local.put(PATH, Map.of("api_key", "sk-abcdefghijklmnopqrstuvwxyz0123456789"), Map.of(), SecretStore.NEW);
		this.cached = new CachingSecretStore(this.local, Duration.ofMinutes(10), Duration.ofMinutes(10));
	}

	@Benchmark
	public Secret cachedRead() {
		return this.cached.get(PATH).orElseThrow();
	}

	@Benchmark
	public Secret uncachedLocalRead() {
		return this.local.get(PATH).orElseThrow();
	}

}
