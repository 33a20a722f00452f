package dev.palisade.security.apikey.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyStoreException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdbcApiKeyStoreFailureTest {

	@Test
	void unreachableDatabaseIsAStoreExceptionWithoutParameterValues() {
		JdbcApiKeyStore store = new JdbcApiKeyStore(new UnreachableDataSource());
		assertThatExceptionOfType(ApiKeyStoreException.class).isThrownBy(() -> store.findById("someKeyId"))
			.withMessageNotContaining("someKeyId")
			.withMessageContaining("08001");
	}

	private static final class UnreachableDataSource implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("connection refused", "08001");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return false;
		}

	}

}
