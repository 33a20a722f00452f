package dev.palisade.security.apikey.jdbc;

import java.util.List;

/**
 * The DDL for {@link JdbcApiKeyStore}, shipped as class-path resources: the store's migrations,
 * oldest first, the same files Flyway and Liquibase run. Apply them in order once (for example with
 * {@code SchemaScript.apply}); the statements use {@code IF NOT EXISTS}, so running them again is
 * harmless.
 */
public enum ApiKeySchema {

	/** PostgreSQL 12 or later. */
	POSTGRESQL("postgresql"),

	/** H2 2.x, the embedded default. */
	H2("h2");

	private final List<String> resourcePaths;

	ApiKeySchema(String database) {
		String base = "META-INF/palisade/db/flyway/apikey/" + database + "/";
		this.resourcePaths = List.of(base + "V1__api_key_table.sql", base + "V2__api_key_rate_plan.sql");
	}

	/** The class-path locations of the migrations, oldest first, without a leading slash. */
	public List<String> resourcePaths() {
		return this.resourcePaths;
	}

}
