package dev.palisade.security.autoconfigure.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.jdbc.JdbcAuditSink;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.VerificationResult;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/palisadeaudit}: verifies the audit log (hash chain, record MACs, checkpoint
 * signatures) and reports how many records verified and, when broken, the first broken sequence
 * and why. Reading the whole log is O(log size); call it on demand, not from a health probe. A
 * write racing the read can show as {@code TORN_WRITE}, which is not tampering.
 */
@Endpoint(id = PalisadeAuditEndpoint.ID)
public final class PalisadeAuditEndpoint {

	/** The endpoint id (no dash: Spring Boot warns about dashes in endpoint ids). */
	public static final String ID = "palisadeaudit";

	private final AuditVerifier verifier;

	private final AuditSink sink;

	private final Path directory;

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

	/** Verifies the log now. */
	@ReadOperation
	public Map<String, Object> verify() {
		VerificationResult result = verifyNow();
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
		body.put("summary", result.summary());
		return body;
	}

	private VerificationResult verifyNow() {
		try {
			if (this.sink instanceof JdbcAuditSink jdbc) {
				return jdbc.verify(this.verifier);
			}
			return this.verifier.verifyDirectory(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit log", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the audit log", ex);
		}
	}
}
