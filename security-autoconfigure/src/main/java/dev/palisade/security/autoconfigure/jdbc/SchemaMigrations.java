package dev.palisade.security.autoconfigure.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;

/**
 * Brings one store's tables up to date with the migrations shipped in Palisade's core jar
 * ({@code META-INF/palisade/db/flyway/<store>/<database>/} and
 * {@code META-INF/palisade/db/liquibase/<store>.xml}), with Flyway or Liquibase, as
 * {@code palisade.jdbc.migrations} says. The migrations are idempotent ({@code IF NOT EXISTS}), so
 * they also adopt tables made earlier by {@code initialize-schema} or by hand.
 */
public final class SchemaMigrations {

	private static final Log logger = LogFactory.getLog(SchemaMigrations.class);

	private static final String PROPERTY = "palisade.jdbc.migrations";

	/** The store and database pairs with migrations in the core jar. */
	private static final Set<String> SHIPPED = Set.of("refresh/postgresql", "refresh/h2", "apikey/postgresql",
			"apikey/h2", "audit/postgresql", "totp/postgresql", "totp/h2");

	private final PalisadeJdbcProperties.Migrations tool;

	/**
	 * @param configured the configured tool
	 * @param classLoader where Flyway and Liquibase are looked for (the application's)
	 */
	public SchemaMigrations(PalisadeJdbcProperties.Migrations configured, ClassLoader classLoader) {
		this.tool = choose(configured, classLoader);
	}

	/** The tool that runs, after AUTO is resolved against the class path. */
	public PalisadeJdbcProperties.Migrations tool() {
		return this.tool;
	}

	/**
	 * Migrates a store's tables.
	 * @param dataSource the store's database
	 * @param store {@code refresh}, {@code apikey}, {@code audit} or {@code totp}
	 */
	public void migrate(DataSource dataSource, String store) {
		if (this.tool == PalisadeJdbcProperties.Migrations.NONE) {
			return;
		}
		String database = database(dataSource);
		String where = "META-INF/palisade/db/flyway/" + store + "/" + database;
		if (!SHIPPED.contains(store + "/" + database)) {
			logger.warn("Palisade ships no " + store + " migrations for " + database + "; create the tables yourself");
			return;
		}
		if (this.tool == PalisadeJdbcProperties.Migrations.FLYWAY) {
			FlywayMigrations.migrate(dataSource, where, "palisade_" + store + "_schema_history");
		}
		else {
			LiquibaseMigrations.migrate(dataSource, "META-INF/palisade/db/liquibase/" + store + ".xml",
					"palisade_" + store + "_changelog");
		}
		logger.info("Palisade " + store + " tables migrated with " + this.tool.name().toLowerCase(Locale.ROOT));
	}

	private static PalisadeJdbcProperties.Migrations choose(PalisadeJdbcProperties.Migrations configured,
			ClassLoader classLoader) {
		boolean flyway = ClassUtils.isPresent("org.flywaydb.core.Flyway", classLoader);
		boolean liquibase = ClassUtils.isPresent("liquibase.integration.spring.SpringLiquibase", classLoader);
		return switch (configured) {
			case AUTO -> flyway ? PalisadeJdbcProperties.Migrations.FLYWAY
					: liquibase ? PalisadeJdbcProperties.Migrations.LIQUIBASE : PalisadeJdbcProperties.Migrations.NONE;
			case FLYWAY -> {
				if (!flyway) {
					throw new InvalidPalisadePropertyException(PROPERTY, "is flyway, but Flyway is not on the class path",
							"Add org.flywaydb:flyway-core (and flyway-database-postgresql for PostgreSQL), or set "
									+ PROPERTY + " to auto, liquibase or none.",
							null);
				}
				yield configured;
			}
			case LIQUIBASE -> {
				if (!liquibase) {
					throw new InvalidPalisadePropertyException(PROPERTY,
							"is liquibase, but Liquibase is not on the class path",
							"Add org.liquibase:liquibase-core, or set " + PROPERTY + " to auto, flyway or none.", null);
				}
				yield configured;
			}
			case NONE -> configured;
		};
	}

	/** {@code postgresql} or {@code h2} (the directories Palisade ships), else the product name in lower case. */
	private static String database(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the database product to migrate Palisade's tables", ex);
		}
	}
}
