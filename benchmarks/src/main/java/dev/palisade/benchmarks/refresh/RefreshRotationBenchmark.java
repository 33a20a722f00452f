package dev.palisade.benchmarks.refresh;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
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

import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenListener;
import dev.palisade.security.refresh.RefreshTokenPolicy;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.jdbc.JdbcDialect;
import dev.palisade.security.refresh.jdbc.JdbcRefreshTokenStore;
import dev.palisade.security.refresh.jdbc.JdbcSchemaInitializer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Refresh-token rotations per second on the PostgreSQL store, with 1 and 8 threads, against the
 * issue's baseline ({@link SingleUpdateBaseline}) through plain JDBC on the same server, tables and
 * connections. Compare rotate_N with baseline_N.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RefreshRotationBenchmark {

	/** One PostgreSQL server per fork. */
	@State(Scope.Benchmark)
	public static class Database {

		EmbeddedPostgres postgres;

		ThreadBoundDataSource dataSource;

		RefreshTokenService service;

		@Setup(Level.Trial)
		public void start() throws IOException {
			this.postgres = EmbeddedPostgres.builder().start();
			this.dataSource = new ThreadBoundDataSource(this.postgres.getPostgresDatabase());
			JdbcSchemaInitializer.initialize(this.dataSource, JdbcDialect.POSTGRESQL);
			this.service = new RefreshTokenService(new JdbcRefreshTokenStore(this.dataSource, JdbcDialect.POSTGRESQL),
					RefreshTokenPolicy.defaults(), Clock.systemUTC(), RefreshTokenListener.NONE);
		}

		@TearDown(Level.Trial)
		public void stop() throws SQLException, IOException {
			this.dataSource.close();
			this.postgres.close();
		}
	}

	/** Each thread rotates its own family, like independent clients. */
	@State(Scope.Thread)
	public static class Client {

		String token;

		SingleUpdateBaseline baseline;

		@Setup(Level.Trial)
		public void signIn(Database db) throws SQLException {
			this.token = db.service.issue(RefreshGrant.of("bench-" + Thread.currentThread().getId())).token();
			String familyId = db.service.issue(RefreshGrant.of("baseline-" + Thread.currentThread().getId()))
				.familyId();
			this.baseline = new SingleUpdateBaseline(db.dataSource.getConnection(), familyId);
		}

		String rotate(Database db) {
			this.token = db.service.rotate(this.token).orElseThrow().token().token();
			return this.token;
		}

		int baseline() throws SQLException {
			return this.baseline.run();
		}
	}

	@Benchmark
	@Threads(1)
	public String rotate_1(Database db, Client client) {
		return client.rotate(db);
	}

	@Benchmark
	@Threads(8)
	public String rotate_8(Database db, Client client) {
		return client.rotate(db);
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
