package dev.palisade.security.audit.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.FailureReason;
import dev.palisade.security.audit.verify.IncrementalResult;
import dev.palisade.security.audit.verify.ResumePoint;
import dev.palisade.security.audit.verify.VerificationResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.palisade.security.audit.AuditTestSupport.HMAC_KEY;
import static dev.palisade.security.audit.AuditTestSupport.SIGNING_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC sink against a real PostgreSQL server. */
class JdbcAuditSinkTest {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	private final AuditVerifier verifier = new AuditVerifier(HMAC_KEY, SIGNING_KEYS.getPublic());

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		dataSource = postgres.getPostgresDatabase();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@BeforeEach
	void freshSchema() throws Exception {
		execute("DROP TABLE IF EXISTS palisade_audit_record, palisade_audit_checkpoint");
		new JdbcAuditSink(dataSource).initializeSchema();
	}

	@Test
	void writtenChainVerifiesFromTheDatabaseAndReopeningContinuesIt() throws Exception {
		write(25);
		write(5);
		VerificationResult result = new JdbcAuditSink(dataSource).verify(this.verifier);
		assertThat(result.summary()).isEqualTo("OK: verified 30 records, 4 checkpoints");
	}

	@Test
	void queryableColumnsHoldTheEventFields() throws Exception {
		write(3);
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery(
						"SELECT actor_id, action, result, trace_id FROM palisade_audit_record WHERE seq = 3")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("key-2");
			assertThat(rows.getString(2)).isEqualTo("apikey.authenticate");
			assertThat(rows.getString(3)).isEqualTo("success");
			assertThat(rows.getString(4)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		}
	}

	@Test
	void editedRowIsAMacMismatch() throws Exception {
		write(12);
		execute("UPDATE palisade_audit_record SET record = replace(record, '\"result\":\"success\"', "
				+ "'\"result\":\"denied\"') WHERE seq = 5");
		assertBroken(5, FailureReason.MAC_MISMATCH);
	}

	@Test
	void deletedRowIsASequenceGap() throws Exception {
		write(12);
		execute("DELETE FROM palisade_audit_record WHERE seq = 4");
		assertBroken(4, FailureReason.SEQUENCE_GAP);
	}

	@Test
	void deletedTailAfterACheckpointIsTruncation() throws Exception {
		write(25);
		execute("DELETE FROM palisade_audit_record WHERE seq > 7");
		assertBroken(8, FailureReason.TRUNCATED_AFTER_CHECKPOINT);
	}

	@Test
	void reopeningAfterTheTailWasCutContinuesAfterTheCheckpointSoNoSequenceIsReused() throws Exception {
		write(25);
		execute("DELETE FROM palisade_audit_record WHERE seq > 7");
		write(1);
		assertThat(query("SELECT min(seq) FROM palisade_audit_record WHERE seq > 7")).isEqualTo(26);
		assertBroken(8, FailureReason.SEQUENCE_GAP);
	}

	@Test
	void aSecondPassResumesAfterTheLastCheckpointAndCatchesLaterEdits() throws Exception {
		JdbcAuditSink sink = new JdbcAuditSink(dataSource);
		write(25);
		IncrementalResult first = sink.verify(this.verifier, null);
		assertThat(first.resumedAfter()).isZero();
		assertThat(first.next().sequence()).as("closing the log wrote a checkpoint at 25").isEqualTo(25);
		write(12);
		IncrementalResult second = sink.verify(this.verifier, first.next());
		assertThat(second.resumedAfter()).isEqualTo(25);
		assertThat(second.result()).isEqualTo(sink.verify(this.verifier));
		assertThat(second.result().summary()).isEqualTo("OK: verified 37 records, 5 checkpoints");
		execute("UPDATE palisade_audit_record SET record = replace(record, 'acme', 'acmf') WHERE seq = 30");
		VerificationResult resumed = sink.verify(this.verifier, first.next()).result();
		assertThat(resumed.reason()).isEqualTo(FailureReason.MAC_MISMATCH);
		assertThat(resumed.firstBrokenSequence()).isEqualTo(30);
	}

	@Test
	void anEditedAnchorRowOrAMissingCheckpointMakesTheNextPassReadEverything() throws Exception {
		JdbcAuditSink sink = new JdbcAuditSink(dataSource);
		write(25);
		ResumePoint anchor = sink.verify(this.verifier, null).next();
		execute("UPDATE palisade_audit_record SET record = replace(record, 'acme', 'acmf') WHERE seq = "
				+ anchor.sequence());
		IncrementalResult again = sink.verify(this.verifier, anchor);
		assertThat(again.resumedAfter()).as("the anchor row no longer hashes to the checkpoint's head").isZero();
		assertThat(again.result().firstBrokenSequence()).isEqualTo(anchor.sequence());

		freshSchema();
		write(25);
		ResumePoint fresh = sink.verify(this.verifier, null).next();
		execute("DELETE FROM palisade_audit_checkpoint WHERE seq = " + fresh.sequence());
		assertThat(sink.verify(this.verifier, fresh).resumedAfter()).isZero();
	}

	private static long query(String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private void assertBroken(long sequence, FailureReason reason) throws SQLException {
		VerificationResult result = new JdbcAuditSink(dataSource).verify(this.verifier);
		assertThat(result.reason()).as(result.summary()).isEqualTo(reason);
		assertThat(result.firstBrokenSequence()).isEqualTo(sequence);
	}

	private static void write(int count) throws IOException {
		try (AuditLog log = AuditLog.builder(new JdbcAuditSink(dataSource), HMAC_KEY)
			.signingKey(SIGNING_KEYS.getPrivate())
			.durability(Durability.SYNC)
			.checkpointEvery(10)
			.open()) {
			for (int i = 0; i < count; i++) {
				log.append(AuditTestSupport.event(i));
			}
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
