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
	void onlyTheSha256HashOfATokenIsStoredOnTheFamilyRowAndRotatedHashesBesideIt() throws Exception {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		assertThat(hashOnFamilyRow(issued.familyId())).isEqualTo(sha256(issued.token()));
		assertThat(JdbcTestSupport.count(dataSource, "palisade_refresh_token")).isZero();

		IssuedRefreshToken rotated = this.service.rotate(issued.token()).orElseThrow().token();

		// the rotation wrote the family row in place and kept the replaced hash for reuse detection
		assertThat(hashOnFamilyRow(issued.familyId())).isEqualTo(sha256(rotated.token()));
		assertThat(JdbcTestSupport.count(dataSource, "palisade_refresh_family")).isEqualTo(1);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT token_hash, state FROM palisade_refresh_token WHERE family_id = ?")) {
			select.setString(1, issued.familyId());
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(HexFormat.of().formatHex(rs.getBytes(1))).isEqualTo(sha256(issued.token()));
				assertThat(rs.getString(2)).isEqualTo("rotated");
				assertThat(rs.next()).isFalse();
			}
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

			assertThat(upgraded.rotate(active).orElseThrow().grant().subject()).isEqualTo("alice");
			assertThat(upgraded.rotate(rotatedBefore).isRotated()).isFalse();
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

	private static String hashOnFamilyRow(String familyId) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT current_hash FROM palisade_refresh_family WHERE family_id = ?")) {
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
