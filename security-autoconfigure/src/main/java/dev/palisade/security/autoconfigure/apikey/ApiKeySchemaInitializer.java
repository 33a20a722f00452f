package dev.palisade.security.autoconfigure.apikey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyStoreException;
import dev.palisade.security.apikey.jdbc.ApiKeySchema;
import dev.palisade.security.jdbc.SchemaScript;

/**
 * Creates the API key table at start-up when {@code palisade.api-keys.jdbc.initialize-schema}
 * is on. The shipped scripts use {@code IF NOT EXISTS}, so a restart is harmless. Plain JDBC,
 * so the starter needs no {@code spring-jdbc}.
 */
final class ApiKeySchemaInitializer {

	private ApiKeySchemaInitializer() {
	}

	static void initialize(DataSource dataSource) {
		try {
			SchemaScript.apply(dataSource, schemaFor(dataSource).resourcePaths());
		}
		catch (SQLException ex) {
			throw new ApiKeyStoreException("Cannot create the API key table", ex);
		}
	}

	private static ApiKeySchema schemaFor(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return schemaFor(connection.getMetaData().getDatabaseProductName());
		}
	}

	private static ApiKeySchema schemaFor(String product) {
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return ApiKeySchema.POSTGRESQL;
		}
		if (name.contains("h2")) {
			return ApiKeySchema.H2;
		}
		throw new InvalidApiKeyConfigurationException("palisade.api-keys.jdbc.initialize-schema",
				"no API key schema ships for " + product,
				"Create the palisade_api_key table yourself (adapt META-INF/palisade/db/flyway/apikey/postgresql/)"
						+ " and set palisade.api-keys.jdbc.initialize-schema=false.");
	}
}
