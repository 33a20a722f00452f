package dev.palisade.benchmarks.apikey;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Hands out one open connection whose {@code close()} does nothing, standing in for the
 * connection pool a real deployment has: without it every uncached verification would pay for a
 * new PostgreSQL connection and the benchmark would measure connection set-up. Single-threaded
 * benchmarks only.
 */
final class SingleConnectionDataSource implements DataSource {

	private final Connection connection;

	private final Connection unclosable;

	SingleConnectionDataSource(DataSource target) throws SQLException {
		this.connection = target.getConnection();
		this.unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close")) {
						return null;
					}
					try {
						return method.invoke(this.connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	void closeConnection() throws SQLException {
		this.connection.close();
	}

	@Override
	public Connection getConnection() {
		return this.unclosable;
	}

	@Override
	public Connection getConnection(String username, String password) {
		return this.unclosable;
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
