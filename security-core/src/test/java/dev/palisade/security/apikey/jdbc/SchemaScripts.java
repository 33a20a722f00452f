package dev.palisade.security.apikey.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Runs a shipped schema script the simple way: statements split on ';', comment lines dropped. */
final class SchemaScripts {

	private SchemaScripts() {
	}

	static void run(DataSource dataSource, ApiKeySchema schema) throws IOException, SQLException {
		String script;
		try (InputStream in = SchemaScripts.class.getClassLoader().getResourceAsStream(schema.resourcePath())) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		StringBuilder withoutComments = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.trim().startsWith("--")) {
				withoutComments.append(line).append('\n');
			}
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : withoutComments.toString().split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

	static void truncate(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM palisade_api_key");
		}
	}

}
