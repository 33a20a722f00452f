package dev.palisade.security.autoconfigure.apikey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyStoreException;
import dev.palisade.security.apikey.jdbc.ApiKeySchema;

/**
 * Creates the API key table at start-up when {@code palisade.api-keys.jdbc.initialize-schema}
 * is on. The shipped scripts use {@code IF NOT EXISTS}, so a restart is harmless. Plain JDBC,
 * so the starter needs no {@code spring-jdbc}.
 */
final class ApiKeySchemaInitializer {

	private ApiKeySchemaInitializer() {
	}

	static void initialize(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			ApiKeySchema schema = schemaFor(connection.getMetaData().getDatabaseProductName());
			for (String sql : load(schema.resourcePath()).split(";")) {
				String trimmed = withoutComments(sql);
				if (!trimmed.isEmpty()) {
					statement.execute(trimmed);
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new ApiKeyStoreException("Cannot create the API key table", ex);
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
				"Create the palisade_api_key table yourself (adapt META-INF/palisade/apikey/schema-postgresql.sql)"
						+ " and set palisade.api-keys.jdbc.initialize-schema=false.");
	}

	private static String withoutComments(String sql) {
		StringBuilder out = new StringBuilder();
		for (String line : sql.split("\n")) {
			if (!line.strip().startsWith("--")) {
				out.append(line).append('\n');
			}
		}
		return out.toString().strip();
	}

	private static String load(String resource) {
		try (InputStream in = ApiKeySchema.class.getClassLoader().getResourceAsStream(resource)) {
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
