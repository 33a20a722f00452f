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
	void onlyTheSha256HashOfATokenIsStored() throws Exception {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
			.digest(issued.token().getBytes(java.nio.charset.StandardCharsets.US_ASCII));

		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT token_hash FROM palisade_refresh_token WHERE family_id = ?")) {
			select.setString(1, issued.familyId());
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(HexFormat.of().formatHex(rs.getBytes(1))).isEqualTo(HexFormat.of().formatHex(expected));
			}
		}
		assertThat(JdbcTestSupport.count(dataSource, "palisade_refresh_token")).isEqualTo(1);
	}
}
