package dev.palisade.security.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two shipped forms of each store's tables cannot drift apart: the current schema file that
 * {@code initialize-schema} applies and the versioned migrations (Flyway's SQL, which the Liquibase
 * changelogs also run) make the same tables, columns, types and indexes, on PostgreSQL and H2.
 */
class SchemaMigrationDriftTest {

	private static final String BASE = "META-INF/palisade/";

	private static final Map<String, List<String>> MIGRATIONS = Map.of(
			"refresh", List.of("V1__refresh_token_tables.sql"),
			"apikey", List.of("V1__api_key_table.sql", "V2__api_key_rate_plan.sql"),
			"audit", List.of("V1__audit_tables.sql"));

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void postgresqlSchemasAndMigrationsMakeTheSameTables() throws SQLException {
		for (String store : List.of("refresh", "apikey", "audit")) {
			DataSource fromSchema = postgres("schema");
			DataSource fromMigrations = postgres("migrations");
			SchemaScript.apply(fromSchema, BASE + store + "/schema-postgresql.sql");
			for (String migration : MIGRATIONS.get(store)) {
				SchemaScript.apply(fromMigrations, BASE + "db/flyway/" + store + "/postgresql/" + migration);
			}
			assertThat(shape(fromMigrations, "public")).as(store).isNotEmpty().isEqualTo(shape(fromSchema, "public"));
		}
	}

	@Test
	void h2SchemasAndMigrationsMakeTheSameTables() throws SQLException {
		for (String store : List.of("refresh", "apikey")) {
			DataSource fromSchema = h2();
			DataSource fromMigrations = h2();
			SchemaScript.apply(fromSchema, BASE + store + "/schema-h2.sql");
			for (String migration : MIGRATIONS.get(store)) {
				SchemaScript.apply(fromMigrations, BASE + "db/flyway/" + store + "/h2/" + migration);
			}
			assertThat(shape(fromMigrations, "PUBLIC")).as(store).isNotEmpty().isEqualTo(shape(fromSchema, "PUBLIC"));
		}
	}

	private static DataSource postgres(String kind) throws SQLException {
		String name = kind + "_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		return postgres.getDatabase("postgres", name);
	}

	private static DataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return h2;
	}

	/** Every column (table, name, type, size, nullability) and index (table, name, uniqueness, column). */
	private static Map<String, String> shape(DataSource dataSource, String schema) throws SQLException {
		Map<String, String> shape = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			try (ResultSet columns = connection.getMetaData().getColumns(null, schema, "%", "%")) {
				while (columns.next()) {
					shape.put("column " + columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME"),
							columns.getString("TYPE_NAME") + "(" + columns.getInt("COLUMN_SIZE") + ") nullable="
									+ columns.getString("IS_NULLABLE"));
				}
			}
			try (ResultSet tables = connection.getMetaData().getTables(null, schema, "%", new String[] { "TABLE" })) {
				while (tables.next()) {
					String table = tables.getString("TABLE_NAME");
					try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, schema, table, false, false)) {
						while (indexes.next()) {
							// H2 names primary keys PRIMARY_KEY_<n>, the <n> differing between databases
							String name = indexes.getString("INDEX_NAME").replaceFirst("^PRIMARY_KEY_.*", "PRIMARY_KEY");
							shape.put("index " + table + "." + name + "." + indexes.getString("COLUMN_NAME"),
									"unique=" + !indexes.getBoolean("NON_UNIQUE"));
						}
					}
				}
			}
		}
		return shape;
	}
}
