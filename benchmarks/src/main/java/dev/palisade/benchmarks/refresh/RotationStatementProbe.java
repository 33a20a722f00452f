package dev.palisade.benchmarks.refresh;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.palisade.security.refresh.jdbc.JdbcDialect;
import dev.palisade.security.refresh.jdbc.JdbcSchemaInitializer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Design probe for issue 11, not a benchmark of shipped code: the rotation statement of a store
 * that is not built yet, against the single-{@code UPDATE} baseline of
 * {@link RefreshRotationBenchmark} ({@link SingleUpdateBaseline}). The token would name its family
 * by a random handle (a static, uniquely indexed column), the active hash would live in a column no
 * index covers, and the idle-expiry index would give way to a lazily maintained sweep bound, so a
 * rotation is one heap-only (HOT) update of one row and writes no index entry. Compare rotate_N
 * with baseline_N.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RotationStatementProbe {

	private static final String ROTATE = "UPDATE palisade_refresh_family f SET active_hash = ?,"
			+ " idle_expires_at = LEAST(?, f.absolute_expires_at) WHERE f.token_handle = ? AND f.active_hash = ?"
			+ " AND f.state = 'active' AND f.absolute_expires_at > ? AND f.idle_expires_at > ?"
			+ " RETURNING f.family_id, f.subject, f.org, f.project, f.attributes, f.state, f.created_at,"
			+ " f.absolute_expires_at, f.idle_expires_at, f.revoked_at";

	/** One PostgreSQL server per fork, with today's schema plus the probed changes. */
	@State(Scope.Benchmark)
	public static class Database {

		EmbeddedPostgres postgres;

		ThreadBoundDataSource dataSource;

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.postgres = EmbeddedPostgres.builder().start();
			this.dataSource = new ThreadBoundDataSource(this.postgres.getPostgresDatabase());
			JdbcSchemaInitializer.initialize(this.dataSource, JdbcDialect.POSTGRESQL);
			try (Statement ddl = this.dataSource.getConnection().createStatement()) {
				ddl.execute("ALTER TABLE palisade_refresh_family ADD COLUMN token_handle BYTEA,"
						+ " ADD COLUMN active_hash BYTEA, ADD COLUMN sweep_after TIMESTAMPTZ");
				ddl.execute("CREATE UNIQUE INDEX probe_handle_idx ON palisade_refresh_family (token_handle)");
				ddl.execute("DROP INDEX palisade_refresh_family_expiry_idx");
				ddl.execute("CREATE INDEX probe_sweep_idx ON palisade_refresh_family (sweep_after)");
				ddl.execute("ALTER TABLE palisade_refresh_family SET (fillfactor = 80)");
			}
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			this.dataSource.close();
			this.postgres.close();
		}
	}

	/** Each thread rotates its own family, and updates its own baseline row. */
	@State(Scope.Thread)
	public static class Client {

		private final SecureRandom random = new SecureRandom();

		private final byte[] handle = new byte[16];

		private byte[] current = new byte[32];

		private PreparedStatement rotate;

		private SingleUpdateBaseline baseline;

		@Setup(Level.Trial)
		public void signIn(Database db) throws SQLException {
			this.random.nextBytes(this.handle);
			this.random.nextBytes(this.current);
			Connection connection = db.dataSource.getConnection();
			String familyId = Base64.getUrlEncoder().encodeToString(this.handle);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO palisade_refresh_family"
					+ " (family_id, subject, org, attributes, state, created_at, absolute_expires_at, idle_expires_at,"
					+ " token_handle, active_hash, sweep_after) VALUES (?, 'user-1', 'org-1', '{}', 'active', now(),"
					+ " now() + interval '30 days', now() + interval '1 day', ?, ?, now())")) {
				insert.setString(1, familyId);
				insert.setBytes(2, this.handle);
				insert.setBytes(3, this.current);
				insert.executeUpdate();
			}
			this.baseline = new SingleUpdateBaseline(connection, familyId);
			this.rotate = connection.prepareStatement(ROTATE);
		}

		String rotate() throws SQLException {
			byte[] next = new byte[32];
			this.random.nextBytes(next);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			this.rotate.setBytes(1, next);
			this.rotate.setObject(2, now.plusDays(1));
			this.rotate.setBytes(3, this.handle);
			this.rotate.setBytes(4, this.current);
			this.rotate.setObject(5, now);
			this.rotate.setObject(6, now);
			try (ResultSet rs = this.rotate.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("family not rotated");
				}
				this.current = next;
				return rs.getString("subject");
			}
		}

		int baseline() throws SQLException {
			return this.baseline.run();
		}
	}

	@Benchmark
	@Threads(1)
	public String rotate_1(Client client) throws SQLException {
		return client.rotate();
	}

	@Benchmark
	@Threads(8)
	public String rotate_8(Client client) throws SQLException {
		return client.rotate();
	}

	@Benchmark
	@Threads(1)
	public int baseline_1(Client client) throws SQLException {
		return client.baseline();
	}

	@Benchmark
	@Threads(8)
	public int baseline_8(Client client) throws SQLException {
		return client.baseline();
	}
}
