package dev.palisade.security.autoconfigure.jdbc;

import javax.sql.DataSource;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.core.io.DefaultResourceLoader;

/** Palisade's Liquibase run; a class of its own so Liquibase is loaded only when it is used. */
final class LiquibaseMigrations {

	private LiquibaseMigrations() {
	}

	/** Applies the changelog with its own change-log and lock tables, beside the application's. */
	static void migrate(DataSource dataSource, String changelog, String changelogTable) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(dataSource);
		liquibase.setChangeLog("classpath:" + changelog);
		liquibase.setDatabaseChangeLogTable(changelogTable);
		liquibase.setDatabaseChangeLogLockTable(changelogTable + "_lock");
		liquibase.setResourceLoader(new DefaultResourceLoader(LiquibaseMigrations.class.getClassLoader()));
		try {
			liquibase.afterPropertiesSet();
		}
		catch (LiquibaseException ex) {
			throw new IllegalStateException("Palisade's Liquibase changelog " + changelog + " failed", ex);
		}
	}
}
