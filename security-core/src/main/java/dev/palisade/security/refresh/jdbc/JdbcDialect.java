package dev.palisade.security.refresh.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.palisade.security.refresh.RefreshTokenStoreException;

/** The databases the JDBC refresh-token store supports, and the few statements that differ. */
public enum JdbcDialect {

	/** PostgreSQL: sweeps skip rows other transactions hold ({@code FOR UPDATE SKIP LOCKED}). */
	POSTGRESQL("postgresql", " FOR UPDATE SKIP LOCKED"),

	/** H2 (the embedded default, as a file database). */
	H2("h2", "");

	/** Candidates of a sweep: families whose sweep bound has passed (indexed), at most a batch of them. */
	private static final String CANDIDATES = "SELECT family_id FROM palisade_refresh_family WHERE sweep_after <= ? AND";

	private final List<String> schemaResources;

	private final String sweepSql;

	private final String raiseSweepBoundSql;

	JdbcDialect(String database, String skipLocked) {
		String directory = "META-INF/palisade/db/flyway/refresh/" + database;
		this.schemaResources = List.of(directory + "/V1__refresh_token_tables.sql",
				directory + "/V2__refresh_current_hash_on_family.sql", directory + "/V3__refresh_family_handle.sql");
		this.sweepSql = "DELETE FROM palisade_refresh_family WHERE family_id IN (" + CANDIDATES
				+ " idle_expires_at <= ? LIMIT ?" + skipLocked + ")";
		this.raiseSweepBoundSql = "UPDATE palisade_refresh_family SET sweep_after = idle_expires_at WHERE family_id IN ("
				+ CANDIDATES + " idle_expires_at > ? LIMIT ?" + skipLocked + ")";
	}

	/**
	 * Class-path locations of this database's migrations, oldest first: the same files Flyway and
	 * Liquibase run, applied in order by {@link JdbcSchemaInitializer} (each is idempotent).
	 */
	public List<String> schemaResources() {
		return this.schemaResources;
	}

	/** Deletes a batch of expired families among the sweep candidates (now, now, batch size). */
	String sweepSql() {
		return this.sweepSql;
	}

	/**
	 * Moves the sweep bound of a batch of live candidates (rotated since the bound was set) up to
	 * their idle expiry, so later sweeps do not walk past them again (now, now, batch size).
	 */
	String raiseSweepBoundSql() {
		return this.raiseSweepBoundSql;
	}

	/**
	 * The dialect of the database behind a data source.
	 * @throws RefreshTokenStoreException if it is neither PostgreSQL nor H2, or unreachable
	 */
	public static JdbcDialect detect(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return POSTGRESQL;
			}
			if (product.contains("h2")) {
				return H2;
			}
			throw new RefreshTokenStoreException("Unsupported database for refresh tokens: " + product);
		}
		catch (SQLException ex) {
			throw new RefreshTokenStoreException("Cannot detect the refresh-token database", ex);
		}
	}
}
