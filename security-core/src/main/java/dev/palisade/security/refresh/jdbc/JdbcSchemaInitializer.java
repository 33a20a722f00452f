package dev.palisade.security.refresh.jdbc;

import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import dev.palisade.security.jdbc.SchemaScript;
import dev.palisade.security.refresh.RefreshTokenStoreException;

/**
 * Opt-in creation of the refresh-token tables from the dialect's schema file. The statements are
 * idempotent ({@code IF NOT EXISTS}); production databases should apply the same file through
 * their migration tool instead.
 */
public final class JdbcSchemaInitializer {

	private JdbcSchemaInitializer() {
	}

	/** Creates the tables and indexes if they are missing. */
	public static void initialize(DataSource dataSource, JdbcDialect dialect) {
		Objects.requireNonNull(dataSource, "dataSource");
		try {
			SchemaScript.apply(dataSource, Objects.requireNonNull(dialect, "dialect").schemaResources());
		}
		catch (SQLException ex) {
			throw new RefreshTokenStoreException("Cannot create the refresh-token schema", ex);
		}
	}
}
