package dev.palisade.security.refresh.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The store contract on a real PostgreSQL server (one per test class). */
class PostgresRefreshTokenStoreTest extends RefreshTokenStoreContract {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	@BeforeAll
	static void startDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		dataSource = postgres.getPostgresDatabase();
		JdbcSchemaInitializer.initialize(dataSource, JdbcDialect.POSTGRESQL);
		JdbcSchemaInitializer.initialize(dataSource, JdbcDialect.POSTGRESQL); // as on the next start
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Override
	protected RefreshTokenStore createStore() throws SQLException {
		JdbcTestSupport.deleteAll(dataSource);
		return new JdbcRefreshTokenStore(dataSource);
	}

	@Test
	void aSuccessfulRotationIsOneStatementAndAReplayStillRevokesTheFamily() {
		java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
		DataSource counting = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = method.invoke(dataSource, args);
					if (!method.getName().equals("getConnection")) {
						return result;
					}
					Connection real = (Connection) result;
					return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
							new Class<?>[] { Connection.class }, (p, m, a) -> {
								if (m.getName().equals("prepareStatement")) {
									statements.incrementAndGet();
								}
								return m.invoke(real, a);
							});
				});
		RefreshTokenService counted = newService(new JdbcRefreshTokenStore(counting, JdbcDialect.POSTGRESQL));
		IssuedRefreshToken issued = counted.issue(grant("alice"));
		statements.set(0);
		IssuedRefreshToken rotated = counted.rotate(issued.token()).orElseThrow().token();
		// one round trip, where the transaction used five (select, two updates, insert, commit)
		assertThat(statements.get()).isEqualTo(1);
		assertThat(counted.rotate(issued.token()).isRotated()).isFalse();
		assertThat(counted.rotate(rotated.token()).isRotated()).isFalse();
	}

	@Test
	void dialectIsDetectedFromTheDatabase() {
		assertThat(JdbcDialect.detect(dataSource)).isEqualTo(JdbcDialect.POSTGRESQL);
	}

	@Test
	void familiesSurviveANewStoreOnTheSameDatabase() {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		IssuedRefreshToken rotated = this.service.rotate(issued.token()).orElseThrow().token();

		RefreshTokenService restarted = newService(new JdbcRefreshTokenStore(dataSource, JdbcDialect.POSTGRESQL));

		assertThat(restarted.rotate(rotated.token()).orElseThrow().grant()).isEqualTo(grant("alice"));
		assertThat(restarted.rotate(issued.token()).isRotated()).isFalse();
	}

	@Test
	void theFamilyRowHoldsTheHandleAndTheActiveHashOnlyAndARotationAddsNoRow() throws Exception {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		String handle = HexFormat.of().formatHex(java.util.Arrays.copyOf(
				java.util.Base64.getUrlDecoder().decode(issued.token().substring("palrt_".length())), 16));
		assertThat(column(issued.familyId(), "active_hash")).isEqualTo(sha256(issued.token()));
		assertThat(column(issued.familyId(), "token_handle")).isEqualTo(handle);

		IssuedRefreshToken rotated = this.service.rotate(issued.token()).orElseThrow().token();

		assertThat(column(issued.familyId(), "active_hash")).isEqualTo(sha256(rotated.token()));
		assertThat(column(issued.familyId(), "token_handle")).isEqualTo(handle);
		assertThat(JdbcTestSupport.count(dataSource, "palisade_refresh_family")).isEqualTo(1);
		assertThat(JdbcTestSupport.count(dataSource, "palisade_refresh_token")).isZero();
	}

	@Test
	void rotationsAreHeapOnlyUpdatesThatWriteNoIndexEntry() throws Exception {
		IssuedRefreshToken token = this.service.issue(grant("alice"));
		long hotBefore = hotUpdates();
		for (int i = 0; i < 20; i++) {
			this.clock.advance(java.time.Duration.ofMinutes(1)); // so each rotation moves the idle expiry
			token = this.service.rotate(token.token()).orElseThrow().token();
		}
		// the statistics collector reports with a delay: wait for its report, not for a time
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.pollInterval(java.time.Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(hotUpdates() - hotBefore).isGreaterThanOrEqualTo(20));
	}

	private static long hotUpdates() throws SQLException {
		try (Connection connection = dataSource.getConnection();
				var statement = connection.createStatement()) {
			statement.execute("SELECT pg_stat_clear_snapshot()");
			try (ResultSet rs = statement.executeQuery(
					"SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'palisade_refresh_family'")) {
				assertThat(rs.next()).isTrue();
				return rs.getLong(1);
			}
		}
	}

	@Test
	void theIdleExpiryIsNotIndexedButTheSweepBoundIs() throws Exception {
		try (Connection connection = dataSource.getConnection();
				var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT indexdef FROM pg_indexes WHERE tablename = 'palisade_refresh_family'")) {
			java.util.List<String> indexes = new java.util.ArrayList<>();
			while (rs.next()) {
				indexes.add(rs.getString(1));
			}
			assertThat(indexes).noneMatch((index) -> index.contains("idle_expires_at") || index.contains("active_hash"));
			assertThat(indexes).anyMatch((index) -> index.contains("UNIQUE") && index.contains("(token_handle)"));
			assertThat(indexes).anyMatch((index) -> index.contains("(sweep_after)"));
		}
	}

	@Test
	void aDatabaseOfTheFirstSchemaKeepsItsSignInsAfterTheUpgrade() throws Exception {
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().start()) {
			DataSource database = old.getPostgresDatabase();
			dev.palisade.security.jdbc.SchemaScript.apply(database, JdbcDialect.POSTGRESQL.schemaResources().get(0));
			String active = "palrt_" + "A".repeat(43);
			String rotatedBefore = "palrt_" + "B".repeat(42) + "A";
			try (Connection connection = database.getConnection()) {
				execute(connection, "INSERT INTO palisade_refresh_family VALUES ('fam-1', 'alice', 'acme', null, 'kind=user',"
						+ " 'active', now(), now() + interval '30 days', now() + interval '1 day', null)");
				insertV1Token(connection, sha256Bytes(rotatedBefore), "rotated");
				insertV1Token(connection, sha256Bytes(active), "active");
			}

			JdbcSchemaInitializer.initialize(database, JdbcDialect.POSTGRESQL);
			JdbcSchemaInitializer.initialize(database, JdbcDialect.POSTGRESQL); // every start runs it again
			RefreshTokenService upgraded = newService(new JdbcRefreshTokenStore(database, JdbcDialect.POSTGRESQL));

			IssuedRefreshToken next = upgraded.rotate(active).orElseThrow().token();
			assertThat(next.familyId()).isEqualTo("fam-1");
			assertThat(next.token()).hasSize(6 + 64); // the family has a handle from here on
			IssuedRefreshToken after = upgraded.rotate(next.token()).orElseThrow().token();
			assertThat(upgraded.rotate(after.token()).isRotated()).isTrue();
			assertThat(upgraded.rotate(rotatedBefore))
				.isEqualTo(new dev.palisade.security.refresh.RotationResult.Rejected(
						dev.palisade.security.refresh.RotationFailure.REUSED));
			assertThat(upgraded.findFamily("fam-1")).hasValueSatisfying(
					(family) -> assertThat(family.state()).isEqualTo(dev.palisade.security.refresh.FamilyState.REVOKED));
		}
	}

	private static void insertV1Token(Connection connection, byte[] hash, String state) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO palisade_refresh_token VALUES (?, 'fam-1', ?, now())")) {
			insert.setBytes(1, hash);
			insert.setString(2, state);
			insert.executeUpdate();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String column(String familyId, String column) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT " + column + " FROM palisade_refresh_family WHERE family_id = ?")) {
			select.setString(1, familyId);
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return HexFormat.of().formatHex(rs.getBytes(1));
			}
		}
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of().formatHex(sha256Bytes(token));
	}

	private static byte[] sha256Bytes(String token) throws java.security.NoSuchAlgorithmException {
		return java.security.MessageDigest.getInstance("SHA-256")
			.digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}
}
