package dev.palisade.benchmarks.password;

import java.util.concurrent.TimeUnit;

import dev.palisade.security.crypto.password.Argon2idHasher;
import dev.palisade.security.crypto.password.Pbkdf2Hasher;
import dev.palisade.security.crypto.password.ScryptHasher;
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
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Sign-in password checks per second (one {@code matches} = one key derivation) at each hasher's
 * default (OWASP) parameters: Argon2id m=19 MiB t=2 p=1, scrypt N=2^17 r=8 p=1, PBKDF2-HMAC-SHA256
 * 600,000 iterations. Baseline: Spring Security's {@code Argon2PasswordEncoder} with the same
 * Argon2id parameters (both use BouncyCastle), so the wrapper's overhead shows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class PasswordHashBenchmark {

	private static final String PASSWORD = "correct horse battery staple";

	private final Argon2idHasher argon2id = new Argon2idHasher();

	private final ScryptHasher scrypt = new ScryptHasher();

	private final Pbkdf2Hasher pbkdf2 = new Pbkdf2Hasher();

	private final Argon2PasswordEncoder springArgon2id = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

	private String argon2idHash;

	private String scryptHash;

	private String pbkdf2Hash;

	private String springArgon2idHash;

	@Setup
	public void setUp() {
		this.argon2idHash = this.argon2id.hash(PASSWORD);
		this.scryptHash = this.scrypt.hash(PASSWORD);
		this.pbkdf2Hash = this.pbkdf2.hash(PASSWORD);
		this.springArgon2idHash = this.springArgon2id.encode(PASSWORD);
	}

	@Benchmark
	public boolean argon2idDefault() {
		return this.argon2id.matches(PASSWORD, this.argon2idHash);
	}

	@Benchmark
	public boolean scryptDefault() {
		return this.scrypt.matches(PASSWORD, this.scryptHash);
	}

	@Benchmark
	public boolean pbkdf2Sha256Default() {
		return this.pbkdf2.matches(PASSWORD, this.pbkdf2Hash);
	}

	@Benchmark
	public boolean baselineSpringArgon2idSameParameters() {
		return this.springArgon2id.matches(PASSWORD, this.springArgon2idHash);
	}
}
