package dev.palisade.security.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * Applies one of Palisade's schema files from the class path: statements separated by {@code ;},
 * lines starting with {@code --} ignored. The files are written for this (idempotent
 * {@code CREATE ... IF NOT EXISTS}, no semicolons inside statements); it is no general SQL
 * parser. Written by hand because core stays free of Spring's {@code ScriptUtils}.
 */
public final class SchemaScript {

	private SchemaScript() {
	}

	/**
	 * Applies several resources in order (a store's migrations, oldest first).
	 * @throws SQLException if a statement fails
	 * @throws IllegalStateException if a resource is missing or unreadable (a packaging error)
	 */
	public static void apply(DataSource dataSource, List<String> resources) throws SQLException {
		for (String resource : resources) {
			apply(dataSource, resource);
		}
	}

	/**
	 * Runs every statement of {@code resource} on one connection, committing at the end when the
	 * connection is not in auto-commit mode.
	 * @throws SQLException if a statement fails
	 * @throws IllegalStateException if the resource is missing or unreadable (a packaging error)
	 */
	public static void apply(DataSource dataSource, String resource) throws SQLException {
		// comment lines go first: a comment may hold a ';'
		String script = withoutCommentLines(read(resource));
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : script.split(";")) {
				String trimmed = sql.strip();
				if (!trimmed.isEmpty()) {
					statement.execute(trimmed);
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
	}

	private static String withoutCommentLines(String script) {
		StringBuilder out = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.strip().startsWith("--")) {
				out.append(line).append('\n');
			}
		}
		return out.toString();
	}

	private static String read(String resource) {
		try (InputStream in = SchemaScript.class.getClassLoader().getResourceAsStream(resource)) {
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
