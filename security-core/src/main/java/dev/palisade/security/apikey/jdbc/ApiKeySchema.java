package dev.palisade.security.apikey.jdbc;

/**
 * The DDL scripts for {@link JdbcApiKeyStore}, shipped as class-path resources. Run the one for
 * your database once (for example with Spring's {@code DataSourceInitializer} or Flyway); the
 * statements use {@code IF NOT EXISTS}, so running them again is harmless.
 */
public enum ApiKeySchema {

	/** PostgreSQL 12 or later. */
	POSTGRESQL("META-INF/palisade/apikey/schema-postgresql.sql"),

	/** H2 2.x, the embedded default. */
	H2("META-INF/palisade/apikey/schema-h2.sql");

	private final String resourcePath;

	ApiKeySchema(String resourcePath) {
		this.resourcePath = resourcePath;
	}

	/** The class-path location of the script, without a leading slash. */
	public String resourcePath() {
		return this.resourcePath;
	}

}
