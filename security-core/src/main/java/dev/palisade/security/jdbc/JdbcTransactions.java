package dev.palisade.security.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * One unit of work in one transaction on a plain {@link DataSource}, for the JDBC stores that do
 * not depend on Spring: commit on success, roll back on any exception, the connection's auto-commit
 * put back, and a {@link SQLException} turned into the store's own exception.
 */
public final class JdbcTransactions {

	private JdbcTransactions() {
	}

	/**
	 * Runs {@code work} in a transaction.
	 * @param failure makes the store's exception from a failed statement (its message should name
	 * the SQLState, never a value)
	 */
	public static <T> T inTransaction(DataSource dataSource, Work<T> work,
			Function<SQLException, ? extends RuntimeException> failure) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw failure.apply(ex);
		}
	}

	/** Work on a connection inside the transaction. */
	@FunctionalInterface
	public interface Work<T> {

		T run(Connection connection) throws SQLException;
	}
}
