package dev.palisade.security.apikey.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.palisade.security.jdbc.SchemaScript;

/** Applies the shipped API-key migrations, and empties the table between tests. */
final class SchemaScripts {

	private SchemaScripts() {
	}

	static void run(DataSource dataSource, ApiKeySchema schema) throws SQLException {
		SchemaScript.apply(dataSource, schema.resourcePaths());
	}

	static void truncate(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM palisade_api_key");
		}
	}

}
