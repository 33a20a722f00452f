package dev.palisade.benchmarks.refresh;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * One physical connection per benchmark thread, reused across calls (close() is ignored), so
 * both the store and the plain-JDBC baseline pay no connection set-up: a stand-in for a pool
 * without adding one to the benchmark module.
 */
final class ThreadBoundDataSource implements DataSource, AutoCloseable {

	private final DataSource target;

	private final List<Connection> opened = new CopyOnWriteArrayList<>();

	private final ThreadLocal<Connection> current = new ThreadLocal<>();

	ThreadBoundDataSource(DataSource target) {
		this.target = target;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.current.get();
		if (connection == null) {
			Connection physical = this.target.getConnection();
			this.opened.add(physical);
			connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if ("close".equals(method.getName())) {
							return null;
						}
						try {
							return method.invoke(physical, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
			this.current.set(connection);
		}
		return connection;
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : this.opened) {
			connection.close();
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException();
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
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
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
