package dev.palisade.benchmarks.apikey;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyFormat;
import dev.palisade.security.apikey.ApiKeyHasher;
import dev.palisade.security.apikey.ApiKeyOutcome;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.ApiKeyVerifier;
import dev.palisade.security.apikey.Pepper;
import dev.palisade.security.apikey.jdbc.ApiKeySchema;
import dev.palisade.security.apikey.jdbc.JdbcApiKeyStore;
import dev.palisade.security.jdbc.SchemaScript;
import dev.palisade.security.principal.PrincipalKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * API key verification cost (issue 4). Targets: cached key <= 2 us, bad checksum <= 0.5 us.
 * Baseline in the same run: the per-request {@code BCryptPasswordEncoder.matches} check (default
 * strength 10) that many hand-rolled API key filters do. The uncached case reads a real
 * PostgreSQL (embedded binaries) on every call, over one kept-open connection (as from a pool).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApiKeyVerificationBenchmark {

	private EmbeddedPostgres postgres;

	private SingleConnectionDataSource dataSource;

	private ApiKeyVerifier cachedVerifier;

	private ApiKeyVerifier uncachedVerifier;

	private String validKey;

	private String badChecksumKey;

	private BCryptPasswordEncoder bcrypt;

	private String bcryptHash;

	private String bcryptSecret;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.postgres = EmbeddedPostgres.builder().start();
		runSchema(this.postgres.getPostgresDatabase());
		this.dataSource = new SingleConnectionDataSource(this.postgres.getPostgresDatabase());
		DataSource dataSource = this.dataSource;
		JdbcApiKeyStore store = new JdbcApiKeyStore(dataSource);
		byte[] pepper = new byte[32];
		new SecureRandom().nextBytes(pepper);
		ApiKeyFormat format = new ApiKeyFormat();
		ApiKeyHasher hasher = new ApiKeyHasher(new Pepper("p1", pepper));
		this.cachedVerifier = ApiKeyVerifier.builder(format, hasher, store).build();
		this.uncachedVerifier = ApiKeyVerifier.builder(format, hasher, store).cacheTtl(Duration.ZERO).build();
		ApiKeyService service = ApiKeyService.builder(format, hasher, store).build();
		this.validKey = service
			.create(new ApiKeyCreateRequest("bench", "user-1", PrincipalKind.USER, "acme", null, Set.of("agents:read"),
					null), Set.of("*"))
			.plaintext();
		char[] typo = this.validKey.toCharArray();
		int position = typo.length - 10;
		typo[position] = (typo[position] == 'a') ? 'b' : 'a';
		this.badChecksumKey = new String(typo);
		check(this.cachedVerifier.verify(this.validKey).outcome(), ApiKeyOutcome.VALID);
		check(this.uncachedVerifier.verify(this.validKey).outcome(), ApiKeyOutcome.VALID);
		check(this.cachedVerifier.verify(this.badChecksumKey).outcome(), ApiKeyOutcome.BAD_CHECKSUM);
		// BCrypt takes at most 72 bytes, so such filters hash the secret part (43 characters)
		this.bcryptSecret = this.validKey.split("_")[2];
		this.bcrypt = new BCryptPasswordEncoder();
		this.bcryptHash = this.bcrypt.encode(this.bcryptSecret);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.dataSource != null) {
			this.dataSource.closeConnection();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Benchmark
	public ApiKeyOutcome cachedKey() {
		return this.cachedVerifier.verify(this.validKey).outcome();
	}

	@Benchmark
	public ApiKeyOutcome badChecksumKey() {
		return this.cachedVerifier.verify(this.badChecksumKey).outcome();
	}

	@Benchmark
	public ApiKeyOutcome uncachedKeyOnPostgres() {
		return this.uncachedVerifier.verify(this.validKey).outcome();
	}

	/** Baseline: a BCrypt hash check per request, as hand-rolled API key filters often do. */
	@Benchmark
	public boolean baselineBcryptMatches() {
		return this.bcrypt.matches(this.bcryptSecret, this.bcryptHash);
	}

	private static void check(ApiKeyOutcome actual, ApiKeyOutcome expected) {
		if (actual != expected) {
			throw new IllegalStateException("benchmark set-up broken: expected " + expected + " but got " + actual);
		}
	}

	private static void runSchema(DataSource dataSource) throws Exception {
		SchemaScript.apply(dataSource, ApiKeySchema.POSTGRESQL.resourcePaths());
	}

}
