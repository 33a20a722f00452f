package dev.palisade.security.refresh.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.palisade.security.refresh.RefreshTokenStoreException;

/** The databases the JDBC refresh-token store supports, and the few statements that differ. */
public enum JdbcDialect {

	/** PostgreSQL: sweeps skip rows other transactions hold ({@code FOR UPDATE SKIP LOCKED}). */
	POSTGRESQL("postgresql",
			"DELETE FROM palisade_refresh_family WHERE family_id IN (SELECT family_id FROM palisade_refresh_family"
					+ " WHERE idle_expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)"),

	/** H2 (the embedded default, as a file database). */
	H2("h2", "DELETE FROM palisade_refresh_family WHERE family_id IN (SELECT family_id"
			+ " FROM palisade_refresh_family WHERE idle_expires_at <= ? LIMIT ?)");

	private final List<String> schemaResources;

	private final String sweepSql;

	JdbcDialect(String database, String sweepSql) {
		String directory = "META-INF/palisade/db/flyway/refresh/" + database;
		this.schemaResources = List.of(directory + "/V1__refresh_token_tables.sql",
				directory + "/V2__refresh_current_hash_on_family.sql");
		this.sweepSql = sweepSql;
	}

	/**
	 * Class-path locations of this database's migrations, oldest first: the same files Flyway and
	 * Liquibase run, applied in order by {@link JdbcSchemaInitializer} (each is idempotent).
	 */
	public List<String> schemaResources() {
		return this.schemaResources;
	}

	String sweepSql() {
		return this.sweepSql;
	}

	/**
	 * The dialect of the database behind a data source.
	 * @throws RefreshTokenStoreException if it is neither PostgreSQL nor H2, or unreachable
	 */
	public static JdbcDialect detect(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return POSTGRESQL;
			}
			if (product.contains("h2")) {
				return H2;
			}
			throw new RefreshTokenStoreException("Unsupported database for refresh tokens: " + product);
		}
		catch (SQLException ex) {
			throw new RefreshTokenStoreException("Cannot detect the refresh-token database", ex);
		}
	}
}
