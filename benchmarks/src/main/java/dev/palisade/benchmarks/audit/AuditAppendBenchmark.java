package dev.palisade.benchmarks.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.file.AuditLogFiles;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Events appended per second with SYNC and BATCHED durability, against writing the same line
 * bytes with a plain {@code FileChannel.write} + {@code force} per event and per batch of
 * {@value #BATCH}. Issue target: batched >= 50,000 events/s. The {@code ...32Callers} variants run
 * 32 threads at once, as 32 concurrent requests do: in SYNC mode they share fsyncs (group commit);
 * {@code syncLogBatchedAppend} is what a request's authentication record costs on the default SYNC
 * log ({@code append(event, BATCHED)}: no wait for the fsync).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {

	static final int BATCH = 512;

	static final byte[] HMAC_KEY = new byte[32];

	private Path dir;

	private AuditLog syncLog;

	private AuditLog batchedLog;

	private FileChannel plain;

	private ByteBuffer oneLine;

	private ByteBuffer batchOfLines;

	private AuditEvent event;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.dir = Files.createTempDirectory("audit-append-bench");
		this.event = AuditEvent.builder()
			.actor(new AuditActor("api_key", "key-123", "acme"))
			.action("apikey.authenticate")
			.resource(new AuditResource("project", "p1", "acme", "p1"))
			.result(AuditResult.SUCCESS)
			.clientIp("203.0.113.7")
			.userAgent("curl/8.5")
			.traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.detail("path", "/v1/projects/p1")
			.build();
		this.syncLog = open("sync", Durability.SYNC);
		this.batchedLog = open("batched", Durability.BATCHED);
		// the baseline writes the very bytes the log writes for one record
		Path sample = this.dir.resolve("sample");
		try (AuditLog log = open("sample", Durability.SYNC)) {
			log.append(this.event);
		}
		byte[] line = Files.readAllBytes(AuditLogFiles.recordFiles(sample).get(0));
		this.oneLine = ByteBuffer.allocateDirect(line.length).put(line).flip();
		this.batchOfLines = ByteBuffer.allocateDirect(line.length * BATCH);
		for (int i = 0; i < BATCH; i++) {
			this.batchOfLines.put(line);
		}
		this.batchOfLines.flip();
		this.plain = FileChannel.open(this.dir.resolve("plain.jsonl"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.APPEND);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.syncLog.close();
		this.batchedLog.close();
		this.plain.close();
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	@Benchmark
	public boolean auditLogSync() {
		return this.syncLog.append(this.event);
	}

	@Benchmark
	public boolean auditLogBatched() {
		return this.batchedLog.append(this.event);
	}

	@Benchmark
	@Threads(32)
	public boolean auditLogSync32Callers() {
		return this.syncLog.append(this.event);
	}

	@Benchmark
	public boolean syncLogBatchedAppend() {
		return this.syncLog.append(this.event, Durability.BATCHED);
	}

	@Benchmark
	@Threads(32)
	public boolean syncLogBatchedAppend32Callers() {
		return this.syncLog.append(this.event, Durability.BATCHED);
	}

	@Benchmark
	@Threads(32)
	public void plainWriteAndForcePerEvent32Callers() throws IOException {
		// the baseline of group commit: every caller forces its own line
		synchronized (this.plain) {
			plainWriteAndForcePerEvent();
		}
	}

	@Benchmark
	public void plainWriteAndForcePerEvent() throws IOException {
		this.oneLine.rewind();
		while (this.oneLine.hasRemaining()) {
			this.plain.write(this.oneLine);
		}
		this.plain.force(false);
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void plainWriteAndForcePerBatch() throws IOException {
		this.batchOfLines.rewind();
		while (this.batchOfLines.hasRemaining()) {
			this.plain.write(this.batchOfLines);
		}
		this.plain.force(false);
	}

	private AuditLog open(String name, Durability durability) throws IOException {
		return AuditLog.builder(new JsonLinesFileSink(this.dir.resolve(name), RotationPolicy.bySize(256L * 1024 * 1024),
				Clock.systemUTC()), HMAC_KEY).durability(durability).maxBatchSize(BATCH).open();
	}
}
