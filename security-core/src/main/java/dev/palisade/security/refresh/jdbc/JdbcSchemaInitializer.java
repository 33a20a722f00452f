package dev.palisade.security.refresh.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import javax.sql.DataSource;

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
		String script = load(Objects.requireNonNull(dialect, "dialect").schemaResource());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : script.split(";")) {
				String trimmed = stripComments(sql);
				if (!trimmed.isEmpty()) {
					statement.execute(trimmed);
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new RefreshTokenStoreException("Cannot create the refresh-token schema", ex);
		}
	}

	private static String stripComments(String sql) {
		StringBuilder out = new StringBuilder();
		for (String line : sql.split("\n")) {
			if (!line.strip().startsWith("--")) {
				out.append(line).append('\n');
			}
		}
		return out.toString().strip();
	}

	private static String load(String resource) {
		try (InputStream in = JdbcSchemaInitializer.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
	}
}
