package dev.palisade.security.refresh.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Empties the refresh-token tables between tests that share one database. */
final class JdbcTestSupport {

	private JdbcTestSupport() {
	}

	static void deleteAll(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM palisade_refresh_token");
			statement.executeUpdate("DELETE FROM palisade_refresh_family");
		}
	}

	static int count(DataSource dataSource, String table) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getInt(1);
		}
	}
}
