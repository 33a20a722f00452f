package dev.palisade.security.autoconfigure.jdbc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tables of Palisade's JDBC stores ({@code palisade.jdbc}).
 *
 * @param migrations How Palisade brings its tables up to date at start-up, for each JDBC store in
 * use (refresh tokens, API keys, the audit sink). AUTO runs its Flyway migrations when Flyway is on
 * the class path, else its Liquibase changelog when Liquibase is, else nothing. Each store keeps its
 * own history table (palisade_<store>_schema_history, or palisade_<store>_changelog), beside the
 * application's.
 */
@ConfigurationProperties("palisade.jdbc")
public record PalisadeJdbcProperties(@DefaultValue("auto") Migrations migrations) {

	/** How to migrate Palisade's tables. */
	public enum Migrations {

		/** Flyway if present, else Liquibase if present, else none. */
		AUTO,

		/** Palisade's Flyway migrations. */
		FLYWAY,

		/** Palisade's Liquibase changelog. */
		LIQUIBASE,

		/** Nothing: the tables are made by {@code initialize-schema} or by the application's own migrations. */
		NONE
	}
}
