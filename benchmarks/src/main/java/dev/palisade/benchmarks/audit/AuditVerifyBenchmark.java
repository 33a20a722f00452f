package dev.palisade.benchmarks.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Records verified per second (MAC, hash chain and checkpoints). Issue target: >= 200,000 records/s. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditVerifyBenchmark {

	static final int RECORDS = 20_000;

	private Path dir;

	private AuditVerifier verifier;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.dir = Files.createTempDirectory("audit-verify-bench");
		byte[] hmacKey = new byte[32];
		var keys = AuditKeys.generateSigningKeyPair();
		try (AuditLog log = AuditLog.builder(new JsonLinesFileSink(this.dir), hmacKey)
			.signingKey(keys.getPrivate())
			.durability(Durability.ASYNC)
			.open()) {
			for (int i = 0; i < RECORDS; i++) {
				log.append(AuditEvent.builder()
					.actor(new AuditActor("user", "u" + i, "acme"))
					.action("token.issue")
					.result(AuditResult.SUCCESS)
					.clientIp("198.51.100.4")
					.detail("n", i)
					.build());
			}
		}
		this.verifier = new AuditVerifier(hmacKey, keys.getPublic());
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Benchmark
	@OperationsPerInvocation(RECORDS)
	public VerificationResult verifyDirectory() throws IOException {
		VerificationResult result = this.verifier.verifyDirectory(this.dir);
		if (!result.intact()) {
			throw new IllegalStateException(result.summary());
		}
		return result;
	}
}
