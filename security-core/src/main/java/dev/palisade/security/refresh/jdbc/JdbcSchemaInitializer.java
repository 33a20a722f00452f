package dev.palisade.security.refresh.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

	/**
	 * Creates the tables and indexes if they are missing. Once the newest migration has run, only it
	 * runs again: the older ones would otherwise rebuild the idle-expiry index it drops and rewrite
	 * every family row that has no {@code current_hash}, on every start.
	 */
	public static void initialize(DataSource dataSource, JdbcDialect dialect) {
		Objects.requireNonNull(dataSource, "dataSource");
		List<String> migrations = Objects.requireNonNull(dialect, "dialect").schemaResources();
		try {
			SchemaScript.apply(dataSource,
					hasSweepBound(dataSource) ? migrations.subList(migrations.size() - 1, migrations.size()) : migrations);
		}
		catch (SQLException ex) {
			throw new RefreshTokenStoreException("Cannot create the refresh-token schema", ex);
		}
	}

	/** Whether the family table exists with the column the newest migration adds. */
	private static boolean hasSweepBound(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			try {
				statement.executeQuery("SELECT sweep_after FROM palisade_refresh_family WHERE 1 = 0").close();
				return true;
			}
			catch (SQLException ex) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
				return false;
			}
		}
	}
}
