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

	@Test
	void aFamilyOfTheSecondSchemaKeepsItsSignInAfterTheUpgrade() throws Exception {
		DataSource database = h2(directory.resolve("upgrade"));
		for (String migration : JdbcDialect.H2.schemaResources().subList(0, 2)) {
			dev.palisade.security.jdbc.SchemaScript.apply(database, migration);
		}
		String active = "palrt_" + "C".repeat(42) + "A";
		try (Connection connection = database.getConnection();
				java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO palisade_refresh_family"
						+ " (family_id, subject, attributes, state, created_at, absolute_expires_at, idle_expires_at,"
						+ " current_hash) VALUES ('fam-1', 'alice', '', 'active', ?, ?, ?, ?)")) {
			java.time.OffsetDateTime now = this.clock.instant().atOffset(java.time.ZoneOffset.UTC);
			insert.setObject(1, now);
			insert.setObject(2, now.plusDays(30));
			insert.setObject(3, now.plusDays(1));
			insert.setBytes(4, java.security.MessageDigest.getInstance("SHA-256")
				.digest(active.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
			insert.executeUpdate();
		}

		JdbcSchemaInitializer.initialize(database, JdbcDialect.H2);
		JdbcSchemaInitializer.initialize(database, JdbcDialect.H2);
		RefreshTokenService upgraded = newService(new JdbcRefreshTokenStore(database));

		IssuedRefreshToken next = upgraded.rotate(active).orElseThrow().token();
		assertThat(next.familyId()).isEqualTo("fam-1");
		assertThat(upgraded.rotate(next.token()).isRotated()).isTrue();
		assertThat(upgraded.rotate(active).isRotated()).isFalse();
		assertThat(upgraded.findFamily("fam-1").orElseThrow().state())
			.isEqualTo(dev.palisade.security.refresh.FamilyState.REVOKED);
	}
}
