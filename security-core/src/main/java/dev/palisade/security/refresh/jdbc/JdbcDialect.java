package dev.palisade.security.refresh.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import dev.palisade.security.refresh.RefreshTokenStoreException;

/** The databases the JDBC refresh-token store supports, and the few statements that differ. */
public enum JdbcDialect {

	/** PostgreSQL: sweeps skip rows other transactions hold ({@code FOR UPDATE SKIP LOCKED}). */
	POSTGRESQL("schema-postgresql.sql",
			"DELETE FROM palisade_refresh_family WHERE family_id IN (SELECT family_id FROM palisade_refresh_family"
					+ " WHERE idle_expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)"),

	/** H2 (the embedded default, as a file database). */
	H2("schema-h2.sql", "DELETE FROM palisade_refresh_family WHERE family_id IN (SELECT family_id"
			+ " FROM palisade_refresh_family WHERE idle_expires_at <= ? LIMIT ?)");

	private final String schemaResource;

	private final String sweepSql;

	JdbcDialect(String schemaFile, String sweepSql) {
		this.schemaResource = "META-INF/palisade/refresh/" + schemaFile;
		this.sweepSql = sweepSql;
	}

	/** Class-path location of this database's schema file. */
	public String schemaResource() {
		return this.schemaResource;
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
