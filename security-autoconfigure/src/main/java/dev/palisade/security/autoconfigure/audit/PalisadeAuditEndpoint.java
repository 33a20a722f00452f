package dev.palisade.security.autoconfigure.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.jdbc.JdbcAuditSink;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.IncrementalResult;
import dev.palisade.security.audit.verify.ResumePoint;
import dev.palisade.security.audit.verify.VerificationResult;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/palisadeaudit}: verifies the audit log (hash chain, record MACs, checkpoint
 * signatures) and reports how many records verified and, when broken, the first broken sequence
 * and why. A call resumes at the last checkpoint the previous call verified, so it reads only the
 * records written since; {@code ?mode=full} reads the whole log, and finds an edit before that
 * checkpoint that a resumed pass cannot: in a file, one that kept the file's inode and size; in
 * the table, any row before the checkpoint's own. A write racing the read can show as
 * {@code TORN_WRITE}, which is not tampering.
 */
@Endpoint(id = PalisadeAuditEndpoint.ID)
public final class PalisadeAuditEndpoint {

	/** The endpoint id (no dash: Spring Boot warns about dashes in endpoint ids). */
	public static final String ID = "palisadeaudit";

	private static final String FULL = "full";

	private final AuditVerifier verifier;

	private final AuditSink sink;

	private final Path directory;

	private final AtomicReference<ResumePoint> resumePoint = new AtomicReference<>();

	/**
	 * @param verifier the verifier holding the log's keys
	 * @param sink the log's sink; a {@link JdbcAuditSink} is verified in the database
	 * @param directory the file sink's directory (used when the sink is not JDBC)
	 */
	public PalisadeAuditEndpoint(AuditVerifier verifier, AuditSink sink, Path directory) {
		this.verifier = verifier;
		this.sink = sink;
		this.directory = directory;
	}

	/**
	 * Verifies the log now.
	 * @param mode {@code full} to read the whole log; otherwise a file log is read from the last
	 * checkpoint the previous call verified
	 */
	@ReadOperation
	public Map<String, Object> verify(@Nullable String mode) {
		if (mode != null && !FULL.equals(mode)) {
			throw new InvalidEndpointRequestException("mode must be 'full' or absent", "mode must be 'full' or absent");
		}
		IncrementalResult pass = verifyNow(FULL.equals(mode));
		VerificationResult result = pass.result();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("intact", result.intact());
		body.put("tampered", result.tampered());
		body.put("verifiedRecords", result.verifiedRecords());
		body.put("verifiedCheckpoints", result.verifiedCheckpoints());
		if (!result.intact()) {
			body.put("firstBrokenSequence", result.firstBrokenSequence());
			body.put("reason", result.reason().name());
			body.put("location", result.location());
		}
		body.put("mode", (pass.resumedAfter() > 0) ? "resumed" : FULL);
		if (pass.resumedAfter() > 0) {
			body.put("resumedAfterSequence", pass.resumedAfter());
		}
		body.put("summary", result.summary());
		return body;
	}

	private synchronized IncrementalResult verifyNow(boolean full) {
		try {
			ResumePoint from = full ? null : this.resumePoint.get();
			IncrementalResult pass = (this.sink instanceof JdbcAuditSink jdbc) ? jdbc.verify(this.verifier, from)
					: this.verifier.verifyDirectory(this.directory, from);
			this.resumePoint.set(pass.next());
			return pass;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit log", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the audit log", ex);
		}
	}
}
