package dev.palisade.security.autoconfigure.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyAutoConfiguration;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditAutoConfiguration;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Palisade's Flyway migrations and Liquibase changelog, run by the stores at start-up against a
 * real PostgreSQL server (and H2): a table from an older release is upgraded without a hand-run
 * {@code ALTER TABLE}, each store keeps its own history table, and a second start changes nothing.
 */
class SchemaMigrationsTests {

	private static EmbeddedPostgres postgres;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeJdbcAutoConfiguration.class,
				PalisadeRefreshAutoConfiguration.class, PalisadeApiKeyAutoConfiguration.class,
				PalisadeAuditAutoConfiguration.class))
		.withPropertyValues("palisade.refresh.store=jdbc", "palisade.api-keys.store=jdbc",
				"palisade.api-keys.pepper=migration-test-pepper-0123456789abcdef0123456789abcdef",
				"palisade.audit.enabled=false");

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void flywayUpgradesAnApiKeyTableOfTheFirstReleaseWithoutAHandRunAlterTable() throws SQLException {
		DataSource database = freshDatabase();
		execute(database, "CREATE TABLE app_own_table (id INT)");
		execute(database, firstReleaseApiKeyTable());
		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("palisade.jdbc.migrations=flyway")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(columns(database, "palisade_api_key")).contains("rate_plan");
				assertThat(query(database, "SELECT version FROM palisade_apikey_schema_history WHERE success ORDER BY installed_rank"))
					.containsExactly("0", "1", "2");
				assertThat(query(database, "SELECT version FROM palisade_refresh_schema_history WHERE version <> '0' ORDER BY installed_rank"))
					.containsExactly("1", "2", "3");
				assertThat(context.getBean(RefreshTokenService.class).issue(RefreshGrant.of("mig")).token()).isNotBlank();
				assertThat(context.getBean(ApiKeyService.class)).isNotNull();
			});
		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("palisade.jdbc.migrations=flyway")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(query(database, "SELECT count(*) FROM palisade_apikey_schema_history")).containsExactly("3");
	}

	@Test
	void liquibaseCreatesEveryStoresTablesWithItsOwnChangelogTables() throws SQLException {
		DataSource database = freshDatabase();
		this.runner.withBean(DataSource.class, () -> database)
			.withPropertyValues("palisade.jdbc.migrations=liquibase", "palisade.audit.enabled=true",
					"palisade.audit.sink=jdbc",
					"palisade.audit.hmac-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(columns(database, "palisade_api_key")).contains("rate_plan");
				assertThat(columns(database, "palisade_refresh_family")).contains("family_id", "current_hash");
				assertThat(query(database, "SELECT id FROM palisade_refresh_changelog ORDER BY orderexecuted"))
					.containsExactly("palisade-refresh-1", "palisade-refresh-2",
							"palisade-refresh-3");
				assertThat(columns(database, "palisade_audit_record")).contains("seq");
				assertThat(query(database, "SELECT id FROM palisade_apikey_changelog ORDER BY orderexecuted"))
					.containsExactly("palisade-apikey-1", "palisade-apikey-2");
				assertThat(query(database, "SELECT id FROM palisade_audit_changelog")).containsExactly("palisade-audit-1");
			});
	}

	@Test
	void autoPrefersFlywayAndNoneLeavesTheTablesAlone() throws SQLException {
		DataSource flyway = freshDatabase();
		this.runner.withBean(DataSource.class, () -> flyway)
			.run((context) -> assertThat(context.getBean(SchemaMigrations.class).tool())
				.isEqualTo(PalisadeJdbcProperties.Migrations.FLYWAY));
		assertThat(columns(flyway, "palisade_refresh_schema_history")).isNotEmpty();

		DataSource none = freshDatabase();
		this.runner.withBean(DataSource.class, () -> none)
			.withPropertyValues("palisade.jdbc.migrations=none")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(columns(none, "palisade_api_key")).isEmpty();
	}

	@Test
	void flywayRunsOnH2Too() throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.runner.withBean(DataSource.class, () -> h2)
			.withPropertyValues("palisade.jdbc.migrations=flyway")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(query(h2, "SELECT count(*) FROM palisade_api_key")).containsExactly("0");
			});
	}

	@Test
	void askingForAToolThatIsAbsentNamesTheProperty() throws SQLException {
		DataSource database = freshDatabase();
		this.runner.withBean(DataSource.class, () -> database)
			.withClassLoader(new FilteredClassLoader(Flyway.class))
			.withPropertyValues("palisade.jdbc.migrations=flyway")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidPalisadePropertyException.class)
				.hasMessageContaining("palisade.jdbc.migrations"));
	}

	private static DataSource freshDatabase() throws SQLException {
		String name = "mig_" + UUID.randomUUID().toString().replace("-", "");
		execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
		return postgres.getDatabase("postgres", name);
	}

	/** The API key table as the first release created it, before rate_plan. */
	private static String firstReleaseApiKeyTable() {
		return """
				CREATE TABLE palisade_api_key (key_id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL,
				owner_subject VARCHAR(255) NOT NULL, owner_kind VARCHAR(16) NOT NULL, org_id VARCHAR(255) NOT NULL,
				project_id VARCHAR(255), scopes TEXT NOT NULL, pepper_id VARCHAR(64) NOT NULL, key_hash BYTEA NOT NULL,
				key_hint VARCHAR(8) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
				expires_at TIMESTAMP WITH TIME ZONE, last_used_at TIMESTAMP WITH TIME ZONE,
				revoked_at TIMESTAMP WITH TIME ZONE, grace_until TIMESTAMP WITH TIME ZONE, rotated_from VARCHAR(64))""";
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> columns(DataSource dataSource, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rs = connection.getMetaData().getColumns(null, null, table, null)) {
			while (rs.next()) {
				columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
			}
		}
		return columns;
	}

	private static List<String> query(DataSource dataSource, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}
}
