package dev.palisade.security.autoconfigure.jdbc;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Palisade's Flyway run; a class of its own so Flyway is loaded only when it is used. */
final class FlywayMigrations {

	private FlywayMigrations() {
	}

	/**
	 * Applies the migrations at {@code location} with their own history table, beside the
	 * application's: a schema that already holds other tables is baselined at version 0, so every
	 * Palisade migration still runs.
	 */
	static void migrate(DataSource dataSource, String location, String historyTable) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:" + location)
			.table(historyTable)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}
}
