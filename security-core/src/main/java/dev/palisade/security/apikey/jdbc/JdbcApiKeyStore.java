package dev.palisade.security.apikey.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyHash;
import dev.palisade.security.apikey.ApiKeyRecord;
import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.apikey.ApiKeyStoreException;
import dev.palisade.security.principal.PrincipalKind;

/**
 * An {@link ApiKeyStore} in the table {@code palisade_api_key} of a {@link DataSource}
 * (PostgreSQL, or H2 as the embedded default); create the table with the script named by
 * {@link ApiKeySchema}. Plain JDBC, no framework. Timestamps are kept to the microsecond.
 */
public final class JdbcApiKeyStore implements ApiKeyStore {

	private static final String COLUMNS = "key_id, name, owner_subject, owner_kind, org_id, project_id, scopes, "
			+ "pepper_id, key_hash, key_hint, created_at, expires_at, last_used_at, revoked_at, grace_until, rotated_from, "
			+ "rate_plan";

	private static final String INSERT = "INSERT INTO palisade_api_key (" + COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM palisade_api_key WHERE key_id = ?";

	private static final String SELECT_BY_ORG = "SELECT " + COLUMNS
			+ " FROM palisade_api_key WHERE org_id = ? ORDER BY created_at DESC, key_id";

	private static final String REVOKE = "UPDATE palisade_api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE key_id = ?";

	// one conditional UPDATE: the database serialises concurrent claims on the row, exactly one matches
	private static final String CLAIM_FOR_ROTATION = "UPDATE palisade_api_key SET grace_until = ? "
			+ "WHERE key_id = ? AND grace_until IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";

	private static final String RELEASE_ROTATION_CLAIM = "UPDATE palisade_api_key SET grace_until = NULL "
			+ "WHERE key_id = ? AND grace_until = ?";

	private static final String UPDATE_LAST_USED = "UPDATE palisade_api_key SET last_used_at = ? "
			+ "WHERE key_id = ? AND (last_used_at IS NULL OR last_used_at < ?)";

	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	/** A store on the given data source; the table must exist. */
	public JdbcApiKeyStore(DataSource dataSource) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
	}

	@Override
	public Optional<ApiKeyRecord> findById(String keyId) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SELECT_BY_ID)) {
			statement.setString(1, keyId);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? Optional.of(read(rows)) : Optional.empty();
			}
		}
		catch (SQLException ex) {
			throw failure("find", ex);
		}
	}

	@Override
	public void save(ApiKeyRecord record) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(INSERT)) {
			statement.setString(1, record.id());
			statement.setString(2, record.name());
			statement.setString(3, record.ownerSubject());
			statement.setString(4, record.ownerKind().wireName());
			statement.setString(5, record.org());
			statement.setString(6, record.project());
			statement.setString(7, String.join(" ", new TreeSet<>(record.scopes())));
			statement.setString(8, record.hash().pepperId());
			statement.setBytes(9, record.hash().value());
			statement.setString(10, record.hint());
			setInstant(statement, 11, record.createdAt());
			setInstant(statement, 12, record.expiresAt());
			setInstant(statement, 13, record.lastUsedAt());
			setInstant(statement, 14, record.revokedAt());
			setInstant(statement, 15, record.graceUntil());
			statement.setString(16, record.rotatedFrom());
			statement.setString(17, record.plan());
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				throw new ApiKeyStoreException("an API key with this id exists already");
			}
			throw failure("save", ex);
		}
	}

	@Override
	public boolean revoke(String keyId, Instant revokedAt) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(REVOKE)) {
			setInstant(statement, 1, revokedAt);
			statement.setString(2, keyId);
			return statement.executeUpdate() > 0;
		}
		catch (SQLException ex) {
			throw failure("revoke", ex);
		}
	}

	@Override
	public boolean claimForRotation(String keyId, Instant graceUntil, Instant now) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(CLAIM_FOR_ROTATION)) {
			setInstant(statement, 1, graceUntil);
			statement.setString(2, keyId);
			setInstant(statement, 3, now);
			return statement.executeUpdate() == 1;
		}
		catch (SQLException ex) {
			throw failure("claim for rotation", ex);
		}
	}

	@Override
	public boolean releaseRotationClaim(String keyId, Instant graceUntil) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(RELEASE_ROTATION_CLAIM)) {
			statement.setString(1, keyId);
			setInstant(statement, 2, graceUntil);
			return statement.executeUpdate() == 1;
		}
		catch (SQLException ex) {
			throw failure("release the rotation claim on", ex);
		}
	}

	@Override
	public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
		if (lastUsedByKeyId.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(UPDATE_LAST_USED)) {
			for (Map.Entry<String, Instant> entry : lastUsedByKeyId.entrySet()) {
				setInstant(statement, 1, entry.getValue());
				statement.setString(2, entry.getKey());
				setInstant(statement, 3, entry.getValue());
				statement.addBatch();
			}
			statement.executeBatch();
		}
		catch (SQLException ex) {
			throw failure("record last use of", ex);
		}
	}

	@Override
	public List<ApiKeyRecord> listByOrg(String org) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SELECT_BY_ORG)) {
			statement.setString(1, org);
			try (ResultSet rows = statement.executeQuery()) {
				List<ApiKeyRecord> records = new ArrayList<>();
				while (rows.next()) {
					records.add(read(rows));
				}
				return records;
			}
		}
		catch (SQLException ex) {
			throw failure("list", ex);
		}
	}

	private static ApiKeyRecord read(ResultSet rows) throws SQLException {
		String scopes = rows.getString("scopes");
		Set<String> scopeSet = scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.trim().split(" +")));
		return new ApiKeyRecord(rows.getString("key_id"), rows.getString("name"), rows.getString("owner_subject"),
				PrincipalKind.fromWireName(rows.getString("owner_kind")), rows.getString("org_id"),
				rows.getString("project_id"), scopeSet,
				new ApiKeyHash(rows.getString("pepper_id"), rows.getBytes("key_hash")), rows.getString("key_hint"),
				getInstant(rows, "created_at"), getInstant(rows, "expires_at"), getInstant(rows, "last_used_at"),
				getInstant(rows, "revoked_at"), getInstant(rows, "grace_until"), rows.getString("rotated_from"),
				rows.getString("rate_plan"));
	}

	private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			statement.setObject(index,
					OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
		}
	}

	private static Instant getInstant(ResultSet rows, String column) throws SQLException {
		OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static ApiKeyStoreException failure(String action, SQLException ex) {
		// SQL state and vendor code only: driver messages may echo parameter values
		return new ApiKeyStoreException("could not " + action + " an API key (SQL state " + ex.getSQLState()
				+ ", vendor code " + ex.getErrorCode() + ")", ex);
	}

	@Override
	public String toString() {
		return "JdbcApiKeyStore[table=palisade_api_key]";
	}

}
