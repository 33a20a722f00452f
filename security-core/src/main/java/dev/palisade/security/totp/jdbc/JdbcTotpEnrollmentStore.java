package dev.palisade.security.totp.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import dev.palisade.security.jdbc.JdbcTransactions;
import dev.palisade.security.jdbc.SchemaScript;
import dev.palisade.security.totp.TotpEnrollment;
import dev.palisade.security.totp.TotpEnrollmentStore;
import dev.palisade.security.totp.TotpStoreException;

/**
 * TOTP enrolments in a PostgreSQL or H2 table ({@link #SCHEMA_RESOURCES}): one row per user. An
 * {@link #update} reads the row {@code FOR UPDATE} and writes it back in one transaction, so two
 * requests with one code serialise on the row and only the first moves the accepted step.
 */
public final class JdbcTotpEnrollmentStore implements TotpEnrollmentStore {

	/** The migrations, per database: the same files Flyway and Liquibase run. */
	public static final List<String> POSTGRESQL_SCHEMA = List
		.of("META-INF/palisade/db/flyway/totp/postgresql/V1__totp_enrollment_table.sql");

	/** The H2 migrations. */
	public static final List<String> H2_SCHEMA = List.of("META-INF/palisade/db/flyway/totp/h2/V1__totp_enrollment_table.sql");

	private static final String COLUMNS = "subject, sealed_secret, confirmed, last_used_step, recovery_code_hashes";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM palisade_totp_enrollment WHERE subject = ?";

	private static final String DELETE = "DELETE FROM palisade_totp_enrollment WHERE subject = ?";

	private static final String INSERT = "INSERT INTO palisade_totp_enrollment (" + COLUMNS + ", updated_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?)";

	private static final String UPDATE = "UPDATE palisade_totp_enrollment SET sealed_secret = ?, confirmed = ?,"
			+ " last_used_step = ?, recovery_code_hashes = ?, updated_at = ? WHERE subject = ?";

	private final DataSource dataSource;

	private final Clock clock;

	public JdbcTotpEnrollmentStore(DataSource dataSource, Clock clock) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Creates the table if it is missing (the embedded set-up without a migration tool). */
	public static void initializeSchema(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
			SchemaScript.apply(dataSource, postgres ? POSTGRESQL_SCHEMA : H2_SCHEMA);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the TOTP enrolment table (SQLState " + ex.getSQLState() + ")",
					ex);
		}
	}

	@Override
	public Optional<TotpEnrollment> find(String subject) {
		return inTransaction((connection) -> Optional.ofNullable(select(connection, SELECT, subject)));
	}

	@Override
	public void save(TotpEnrollment enrollment) {
		inTransaction((connection) -> {
			execute(connection, DELETE, (ps) -> ps.setString(1, enrollment.subject()));
			execute(connection, INSERT, (ps) -> {
				ps.setString(1, enrollment.subject());
				ps.setBytes(2, enrollment.sealedSecret());
				ps.setBoolean(3, enrollment.confirmed());
				ps.setLong(4, enrollment.lastUsedStep());
				ps.setString(5, String.join(",", enrollment.recoveryCodeHashes()));
				ps.setObject(6, this.clock.instant().atOffset(ZoneOffset.UTC));
			});
			return null;
		});
	}

	@Override
	public Optional<TotpEnrollment> update(String subject, UnaryOperator<TotpEnrollment> change) {
		return inTransaction((connection) -> {
			TotpEnrollment current = select(connection, SELECT + " FOR UPDATE", subject);
			TotpEnrollment next = (current != null) ? change.apply(current) : null;
			if (next == null) {
				return Optional.<TotpEnrollment>empty();
			}
			execute(connection, UPDATE, (ps) -> {
				ps.setBytes(1, next.sealedSecret());
				ps.setBoolean(2, next.confirmed());
				ps.setLong(3, next.lastUsedStep());
				ps.setString(4, String.join(",", next.recoveryCodeHashes()));
				ps.setObject(5, this.clock.instant().atOffset(ZoneOffset.UTC));
				ps.setString(6, subject);
			});
			return Optional.of(next);
		});
	}

	@Override
	public boolean delete(String subject) {
		return inTransaction((connection) -> execute(connection, DELETE, (ps) -> ps.setString(1, subject)) > 0);
	}

	private static TotpEnrollment select(Connection connection, String sql, String subject) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(sql)) {
			select.setString(1, subject);
			try (ResultSet rs = select.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				String hashes = rs.getString("recovery_code_hashes");
				return new TotpEnrollment(rs.getString("subject"), rs.getBytes("sealed_secret"), rs.getBoolean("confirmed"),
						rs.getLong("last_used_step"),
						hashes.isEmpty() ? List.of() : Arrays.asList(hashes.split(",")));
			}
		}
	}

	private static int execute(Connection connection, String sql, Binder binder) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			return statement.executeUpdate();
		}
	}

	private <T> T inTransaction(JdbcTransactions.Work<T> work) {
		return JdbcTransactions.inTransaction(this.dataSource, work,
				(ex) -> new TotpStoreException("TOTP enrolment database operation failed (SQLState " + ex.getSQLState() + ")", ex));
	}

	@Override
	public String toString() {
		return "JdbcTotpEnrollmentStore";
	}


	@FunctionalInterface
	private interface Binder {

		void bind(PreparedStatement statement) throws SQLException;
	}
}
