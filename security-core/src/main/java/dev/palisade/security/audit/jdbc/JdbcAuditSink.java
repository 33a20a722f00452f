package dev.palisade.security.audit.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import javax.sql.DataSource;

import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditCheckpoint;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecord;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.ChainHead;
import dev.palisade.security.audit.ChainResumption;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.IncrementalResult;
import dev.palisade.security.audit.verify.ResumePoint;
import dev.palisade.security.audit.verify.VerificationResult;
import dev.palisade.security.jdbc.SchemaScript;

/**
 * Stores the audit log in PostgreSQL through a plain {@link DataSource} (schema:
 * {@link #SCHEMA_RESOURCES}). Each batch is one JDBC batch insert in one transaction, so the
 * commit is the group commit and {@link #force()} has nothing left to do. The canonical line is
 * stored unchanged in {@code record}; queryable columns are copies the verifier ignores.
 */
public final class JdbcAuditSink implements AuditSink {

	/** Classpath location of the PostgreSQL schema. */
	public static final List<String> SCHEMA_RESOURCES = List
		.of("META-INF/palisade/db/flyway/audit/postgresql/V1__audit_tables.sql");

	private static final String INSERT_RECORD = "INSERT INTO palisade_audit_record (seq, event_id, event_time, "
			+ "actor_kind, actor_id, actor_org, action, resource_type, resource_id, resource_org, resource_project, "
			+ "result, reason_code, client_ip, trace_id, prev_hash, hash, record) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_CHECKPOINT = "INSERT INTO palisade_audit_checkpoint (seq, head_hash, checkpoint_time, record) "
			+ "VALUES (?, ?, ?, ?)";

	private final DataSource dataSource;

	/** A sink writing to {@code dataSource}; the tables must exist (see {@link #initializeSchema()}). */
	public JdbcAuditSink(DataSource dataSource) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
	}

	/** Creates the tables if they do not exist, from {@link #SCHEMA_RESOURCES}. */
	public void initializeSchema() throws IOException, SQLException {
		SchemaScript.apply(this.dataSource, SCHEMA_RESOURCES);
	}

	@Override
	public ChainHead open() throws IOException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			ChainHead recordHead = ChainHead.genesis();
			try (ResultSet rows = statement
				.executeQuery("SELECT seq, record FROM palisade_audit_record ORDER BY seq DESC LIMIT 1")) {
				if (rows.next()) {
					byte[] line = rows.getString(2).getBytes(StandardCharsets.UTF_8);
					if (AuditRecordFormat.recordSequence(line, 0, line.length) != rows.getLong(1)) {
						throw new IOException("last audit row is not a valid record; run the audit verifier");
					}
					recordHead = new ChainHead(rows.getLong(1), AuditRecordFormat.hashHex(line, 0, line.length));
				}
			}
			try (ResultSet rows = statement
				.executeQuery("SELECT record FROM palisade_audit_checkpoint ORDER BY seq DESC LIMIT 1")) {
				String checkpoint = rows.next() ? rows.getString(1) : null;
				return ChainResumption.resume(recordHead, checkpoint, "table palisade_audit_record");
			}
		}
		catch (SQLException ex) {
			throw new IOException("cannot read the audit chain head", ex);
		}
	}

	@Override
	public void append(List<AuditRecord> records) throws IOException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD)) {
				for (AuditRecord record : records) {
					bind(insert, record);
					insert.addBatch();
				}
				insert.executeBatch();
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IOException("cannot write audit records", ex);
		}
	}

	@Override
	public void force() {
		// every append commits its batch; nothing is left to force
	}

	@Override
	public void appendCheckpoint(AuditCheckpoint checkpoint) throws IOException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(INSERT_CHECKPOINT)) {
			insert.setLong(1, checkpoint.sequence());
			insert.setString(2, checkpoint.headHash());
			insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.time(), ZoneOffset.UTC));
			insert.setString(4, new String(checkpoint.line(), StandardCharsets.US_ASCII));
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IOException("cannot write audit checkpoint", ex);
		}
	}

	@Override
	public void close() {
		// connections are borrowed per call; the DataSource belongs to the application
	}

	/** Verifies the stored chain and checkpoints, streaming records in sequence order. */
	public VerificationResult verify(AuditVerifier verifier) throws SQLException {
		return verify(verifier, null).result();
	}

	/**
	 * Verifies the rows after an earlier pass's resume point when it still holds (its checkpoint row
	 * and the record row at its sequence unchanged, {@link AuditVerifier#canResume}), else every row.
	 * @param from the resume point of the earlier pass, or {@code null}
	 */
	public IncrementalResult verify(AuditVerifier verifier, ResumePoint from) throws SQLException {
		List<String> checkpoints = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT record FROM palisade_audit_checkpoint ORDER BY seq")) {
				while (rows.next()) {
					checkpoints.add(rows.getString(1));
				}
			}
			boolean resume = from != null && AuditVerifier.canResume(from, recordAt(connection, from.sequence()), checkpoints);
			// PostgreSQL streams with a cursor only inside a transaction
			connection.setAutoCommit(false);
			// a full pass reads every row, so that a forged row numbered 0 or below is seen too
			try (PreparedStatement statement = connection.prepareStatement(resume
					? "SELECT record FROM palisade_audit_record WHERE seq > ? ORDER BY seq"
					: "SELECT record FROM palisade_audit_record ORDER BY seq")) {
				statement.setFetchSize(1000);
				if (resume) {
					statement.setLong(1, from.sequence());
				}
				try (ResultSet rows = statement.executeQuery()) {
					return verifier.verifyLines(new RowIterator(rows), checkpoints, resume ? from : null,
							"palisade_audit_record");
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static String recordAt(Connection connection, long sequence) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("SELECT record FROM palisade_audit_record WHERE seq = ?")) {
			select.setLong(1, sequence);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	private static void bind(PreparedStatement insert, AuditRecord record) throws SQLException {
		AuditEvent event = record.event();
		AuditActor actor = event.actor();
		AuditResource resource = event.resource();
		insert.setLong(1, record.sequence());
		insert.setObject(2, event.id());
		insert.setObject(3, OffsetDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC));
		insert.setString(4, actor.kind());
		insert.setString(5, actor.id());
		insert.setString(6, actor.org());
		insert.setString(7, event.action());
		insert.setString(8, (resource != null) ? resource.type() : null);
		insert.setString(9, (resource != null) ? resource.id() : null);
		insert.setString(10, (resource != null) ? resource.org() : null);
		insert.setString(11, (resource != null) ? resource.project() : null);
		insert.setString(12, event.result().wireName());
		insert.setString(13, event.reasonCode());
		insert.setString(14, event.clientIp());
		insert.setString(15, event.traceId());
		insert.setString(16, record.previousHash());
		insert.setString(17, record.hash());
		insert.setString(18, new String(record.line(), StandardCharsets.UTF_8));
	}

	/** Adapts a forward-only result set of one text column to an iterator; SQL errors become unchecked. */
	private static final class RowIterator implements Iterator<String> {

		private final ResultSet rows;

		private Boolean hasNext;

		RowIterator(ResultSet rows) {
			this.rows = rows;
		}

		@Override
		public boolean hasNext() {
			if (this.hasNext == null) {
				try {
					this.hasNext = this.rows.next();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("cannot read audit records", ex);
				}
			}
			return this.hasNext;
		}

		@Override
		public String next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			this.hasNext = null;
			try {
				return this.rows.getString(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot read audit records", ex);
			}
		}
	}
}
