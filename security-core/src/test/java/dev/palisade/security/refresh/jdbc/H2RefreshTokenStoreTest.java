package dev.palisade.security.refresh.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreContract;

/** The store contract on an H2 file database (the embedded default), plus a real database restart. */
class H2RefreshTokenStoreTest extends RefreshTokenStoreContract {

	@TempDir
	static Path directory;

	private static DataSource dataSource;

	@BeforeAll
	static void startDatabase() {
		dataSource = h2(directory);
		JdbcSchemaInitializer.initialize(dataSource, JdbcDialect.H2);
	}

	static DataSource h2(Path dir) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + dir.resolve("refresh") + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		return h2;
	}

	@Override
	protected RefreshTokenStore createStore() throws SQLException {
		JdbcTestSupport.deleteAll(dataSource);
		return new JdbcRefreshTokenStore(dataSource);
	}

	@Test
	void dialectIsDetectedFromTheDatabase() {
		assertThat(JdbcDialect.detect(dataSource)).isEqualTo(JdbcDialect.H2);
	}

	@Test
	void schemaInitialisationIsIdempotent() {
		JdbcSchemaInitializer.initialize(dataSource, JdbcDialect.H2);
		JdbcSchemaInitializer.initialize(dataSource, JdbcDialect.H2);
	}

	@Test
	void familiesSurviveADatabaseRestart() throws SQLException {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		IssuedRefreshToken rotated = this.service.rotate(issued.token()).orElseThrow().token();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}

		RefreshTokenService restarted = newService(new JdbcRefreshTokenStore(h2(directory)));

		assertThat(restarted.findFamily(issued.familyId())).isPresent();
		assertThat(restarted.rotate(rotated.token()).orElseThrow().grant()).isEqualTo(grant("alice"));
	}
}
