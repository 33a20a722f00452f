package dev.palisade.security.refresh.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import dev.palisade.security.jdbc.JdbcTransactions;

import dev.palisade.security.refresh.FamilyState;
import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenKey;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.StoreRotation;

/**
 * Refresh-token store on a plain {@link DataSource} (PostgreSQL, or H2 as the embedded default),
 * using the tables of {@link JdbcDialect#schemaResources()}. A family's row holds its random
 * handle ({@code token_handle}, set once, uniquely indexed) and the hash of its active token
 * ({@code active_hash}, in no index). Rotation is a compare-and-set
 * {@code UPDATE ... SET active_hash = new WHERE token_handle = ? AND active_hash = presented AND
 * state = 'active'} on that row, whose update count decides the winner; the row lock makes
 * concurrent rotations of one token serialise, and exactly one sees an update count of 1. The
 * rotation changes no indexed column (idle expiry is not indexed; sweeps use the lazily raised
 * {@code sweep_after} bound instead), so on PostgreSQL it is a heap-only update that writes no index
 * entry, and a successful rotation is that one statement (one round trip). Every other outcome
 * takes the transactional path, which finds out why.
 *
 * <p>Legacy tokens (issued before handles) are found through {@code current_hash} and the rotated
 * hashes in {@code palisade_refresh_token}, as before; their next rotation gives the family a
 * handle, and their rotated hash stays there for reuse detection until the family is swept.
 */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {

	private static final String FAMILY_COLUMNS = "f.family_id, f.subject, f.org, f.project, f.attributes, f.state,"
			+ " f.created_at, f.absolute_expires_at, f.idle_expires_at, f.revoked_at";

	private static final String INSERT_FAMILY = "INSERT INTO palisade_refresh_family (family_id, subject, org, project,"
			+ " attributes, state, created_at, absolute_expires_at, idle_expires_at, revoked_at, token_handle,"
			+ " active_hash, sweep_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT_BY_HANDLE = "SELECT " + FAMILY_COLUMNS + ", f.active_hash"
			+ " FROM palisade_refresh_family f WHERE f.token_handle = ?";

	private static final String ROTATE_BY_HANDLE = "UPDATE palisade_refresh_family SET active_hash = ?,"
			+ " idle_expires_at = ? WHERE token_handle = ? AND active_hash = ? AND state = 'active'";

	/**
	 * PostgreSQL: the whole successful rotation as one statement, so one round trip in autocommit.
	 * The row whose active token is the presented one is updated in place (new hash, idle expiry)
	 * only while it is active and unexpired, which locks it (a revocation committed meanwhile wins).
	 * A row comes back only when that happened; for anything else (an unknown, reused, expired or
	 * revoked token, or a lost race) nothing was written and the transactional path finds out why.
	 */
	private static final String ROTATE_IN_ONE_STATEMENT = "UPDATE palisade_refresh_family f SET active_hash = ?,"
			+ " idle_expires_at = LEAST(?, f.absolute_expires_at) WHERE f.token_handle = ? AND f.active_hash = ?"
			+ " AND f.state = 'active' AND f.absolute_expires_at > ? AND f.idle_expires_at > ? RETURNING "
			+ FAMILY_COLUMNS;

	private static final String SELECT_BY_CURRENT = "SELECT " + FAMILY_COLUMNS
			+ " FROM palisade_refresh_family f WHERE f.current_hash = ?";

	private static final String SELECT_BY_ROTATED = "SELECT " + FAMILY_COLUMNS
			+ " FROM palisade_refresh_token t JOIN palisade_refresh_family f ON f.family_id = t.family_id"
			+ " WHERE t.token_hash = ?";

	/** A legacy family's last rotation by hash: from here on it is named by its new handle. */
	private static final String ROTATE_LEGACY = "UPDATE palisade_refresh_family SET current_hash = NULL,"
			+ " token_handle = ?, active_hash = ?, idle_expires_at = ? WHERE family_id = ? AND current_hash = ?"
			+ " AND state = 'active'";

	private static final String INSERT_ROTATED = "INSERT INTO palisade_refresh_token (token_hash, family_id, state,"
			+ " issued_at) VALUES (?, ?, 'rotated', ?)";

	private static final String SELECT_FAMILY = "SELECT " + FAMILY_COLUMNS
			+ " FROM palisade_refresh_family f WHERE f.family_id = ?";

	private static final String REVOKE_FAMILY = "UPDATE palisade_refresh_family SET state = 'revoked', revoked_at = ?"
			+ " WHERE family_id = ? AND state = 'active'";

	private static final String LOCK_SUBJECT_FAMILIES = "SELECT " + FAMILY_COLUMNS
			+ " FROM palisade_refresh_family f WHERE f.subject = ? AND f.state = 'active' FOR UPDATE";

	/** A rotation retries its read at most this often after losing a compare-and-set. */
	private static final int MAX_ATTEMPTS = 3;

	private final DataSource dataSource;

	private final JdbcDialect dialect;

	public JdbcRefreshTokenStore(DataSource dataSource, JdbcDialect dialect) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.dialect = Objects.requireNonNull(dialect, "dialect");
	}

	/** A store on the given data source, with the dialect detected from the database. */
	public JdbcRefreshTokenStore(DataSource dataSource) {
		this(dataSource, JdbcDialect.detect(dataSource));
	}

	@Override
	public void createFamily(RefreshFamily family, RefreshTokenKey token) {
		byte[] handle = requireHandle(token);
		inTransaction((connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(INSERT_FAMILY)) {
				RefreshGrant grant = family.grant();
				insert.setString(1, family.familyId());
				insert.setString(2, grant.subject());
				insert.setString(3, grant.org());
				insert.setString(4, grant.project());
				insert.setString(5, AttributesCodec.encode(grant.attributes()));
				insert.setString(6, stateName(family.state()));
				insert.setObject(7, at(family.createdAt()));
				insert.setObject(8, at(family.absoluteExpiresAt()));
				insert.setObject(9, at(family.idleExpiresAt()));
				insert.setObject(10, at(family.revokedAt()));
				insert.setBytes(11, handle);
				insert.setBytes(12, token.hash());
				insert.setObject(13, at(family.idleExpiresAt()));
				insert.executeUpdate();
			}
			return null;
		});
	}

	@Override
	public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now, Duration idleTimeout) {
		Objects.requireNonNull(presented, "presented");
		byte[] nextHandle = requireHandle(next);
		if (!presented.isLegacy() && !Arrays.equals(nextHandle, presented.handle())) {
			throw new IllegalArgumentException("the next token names the presented token's family");
		}
		if (this.dialect == JdbcDialect.POSTGRESQL && !presented.isLegacy()) {
			RefreshFamily rotated = rotateInOneStatement(presented, next, now, idleTimeout);
			if (rotated != null) {
				return StoreRotation.rotated(rotated);
			}
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			StoreRotation outcome = inTransaction((connection) -> presented.isLegacy()
					? tryRotateLegacy(connection, presented, next, now, idleTimeout)
					: tryRotate(connection, presented, next, now, idleTimeout));
			if (outcome != null) {
				return outcome;
			}
		}
		// Lost the compare-and-set every time yet never saw the token replaced: fail closed.
		return StoreRotation.failed(RotationFailure.REVOKED, findFamilyByToken(presented).orElse(null));
	}

	/** The one-statement rotation; the touched family, or {@code null} when nothing was rotated. */
	private RefreshFamily rotateInOneStatement(RefreshTokenKey presented, RefreshTokenKey next, Instant now,
			Duration idleTimeout) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement rotate = connection.prepareStatement(ROTATE_IN_ONE_STATEMENT)) {
			if (!connection.getAutoCommit()) {
				return null; // a connection inside someone's transaction: the transactional path
			}
			rotate.setBytes(1, next.hash());
			rotate.setObject(2, at(now.plus(idleTimeout)));
			rotate.setBytes(3, presented.handle());
			rotate.setBytes(4, presented.hash());
			rotate.setObject(5, at(now));
			rotate.setObject(6, at(now));
			try (ResultSet rs = rotate.executeQuery()) {
				return rs.next() ? mapFamily(rs) : null;
			}
		}
		catch (SQLException ex) {
			throw new RefreshTokenStoreException("Refresh-token database operation failed (SQLState "
					+ ex.getSQLState() + ")", ex);
		}
	}

	/**
	 * One attempt for a token with a handle; {@code null} when the compare-and-set lost and the
	 * family must be read again.
	 */
	private StoreRotation tryRotate(Connection connection, RefreshTokenKey presented, RefreshTokenKey next,
			Instant now, Duration idleTimeout) throws SQLException {
		HandleRow row = selectByHandle(connection, presented.handle());
		if (row == null) {
			return StoreRotation.failed(RotationFailure.UNKNOWN, null);
		}
		RefreshFamily family = row.family();
		if (!presented.hashEquals(row.activeHash())) {
			return StoreRotation.failed(RotationFailure.REUSED, revokeInTransaction(connection, family, now));
		}
		RotationFailure reason = family.unusableReason(now);
		if (reason != null) {
			return StoreRotation.failed(reason, family);
		}
		RefreshFamily touched = family.withIdleExpiresAt(now.plus(idleTimeout));
		if (update(connection, ROTATE_BY_HANDLE, (ps) -> {
			ps.setBytes(1, next.hash());
			ps.setObject(2, at(touched.idleExpiresAt()));
			ps.setBytes(3, presented.handle());
			ps.setBytes(4, presented.hash());
		}) != 1) {
			// rotated or revoked between our read and the update: read again
			connection.rollback();
			return null;
		}
		return StoreRotation.rotated(touched);
	}

	/**
	 * One attempt for a legacy token: found by hash, active or rotated; a successful rotation gives
	 * the family the next token's handle and keeps the replaced hash for reuse detection.
	 */
	private StoreRotation tryRotateLegacy(Connection connection, RefreshTokenKey presented, RefreshTokenKey next,
			Instant now, Duration idleTimeout) throws SQLException {
		byte[] presentedHash = presented.hash();
		RefreshFamily family = selectFamily(connection, SELECT_BY_CURRENT, presentedHash);
		if (family == null) {
			RefreshFamily rotatedFrom = selectFamily(connection, SELECT_BY_ROTATED, presentedHash);
			return (rotatedFrom != null)
					? StoreRotation.failed(RotationFailure.REUSED, revokeInTransaction(connection, rotatedFrom, now))
					: StoreRotation.failed(RotationFailure.UNKNOWN, null);
		}
		RotationFailure reason = family.unusableReason(now);
		if (reason != null) {
			return StoreRotation.failed(reason, family);
		}
		RefreshFamily touched = family.withIdleExpiresAt(now.plus(idleTimeout));
		if (update(connection, ROTATE_LEGACY, (ps) -> {
			ps.setBytes(1, next.handle());
			ps.setBytes(2, next.hash());
			ps.setObject(3, at(touched.idleExpiresAt()));
			ps.setString(4, family.familyId());
			ps.setBytes(5, presentedHash);
		}) != 1) {
			connection.rollback();
			return null;
		}
		update(connection, INSERT_ROTATED, (ps) -> {
			ps.setBytes(1, presentedHash);
			ps.setString(2, family.familyId());
			ps.setObject(3, at(now));
		});
		return StoreRotation.rotated(touched);
	}

	/** The family with this handle and its active hash, or {@code null}. */
	private static HandleRow selectByHandle(Connection connection, byte[] handle) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(SELECT_BY_HANDLE)) {
			select.setBytes(1, handle);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? new HandleRow(mapFamily(rs), rs.getBytes("active_hash")) : null;
			}
		}
	}

	/** The family one statement finds by a hash, or {@code null}. */
	private static RefreshFamily selectFamily(Connection connection, String sql, byte[] hash) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(sql)) {
			select.setBytes(1, hash);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? mapFamily(rs) : null;
			}
		}
	}

	private RefreshFamily revokeInTransaction(Connection connection, RefreshFamily family, Instant now)
			throws SQLException {
		if (family.state() == FamilyState.ACTIVE) {
			update(connection, REVOKE_FAMILY, (ps) -> {
				ps.setObject(1, at(now));
				ps.setString(2, family.familyId());
			});
			return family.revoked(now);
		}
		return family;
	}

	@Override
	public Optional<RefreshFamily> findFamily(String familyId) {
		return inTransaction((connection) -> {
			try (PreparedStatement select = connection.prepareStatement(SELECT_FAMILY)) {
				select.setString(1, familyId);
				try (ResultSet rs = select.executeQuery()) {
					return rs.next() ? Optional.of(mapFamily(rs)) : Optional.empty();
				}
			}
		});
	}

	@Override
	public Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
		Objects.requireNonNull(token, "token");
		return inTransaction((connection) -> {
			if (!token.isLegacy()) {
				HandleRow row = selectByHandle(connection, token.handle());
				return Optional.ofNullable((row != null) ? row.family() : null);
			}
			byte[] tokenHash = token.hash();
			RefreshFamily family = selectFamily(connection, SELECT_BY_CURRENT, tokenHash);
			return Optional.ofNullable((family != null) ? family
					: selectFamily(connection, SELECT_BY_ROTATED, tokenHash));
		});
	}

	@Override
	public Optional<RefreshFamily> revokeFamily(String familyId, Instant now) {
		return inTransaction((connection) -> {
			Optional<RefreshFamily> family;
			try (PreparedStatement select = connection.prepareStatement(SELECT_FAMILY)) {
				select.setString(1, familyId);
				try (ResultSet rs = select.executeQuery()) {
					family = rs.next() ? Optional.of(mapFamily(rs)) : Optional.empty();
				}
			}
			int count = update(connection, REVOKE_FAMILY, (ps) -> {
				ps.setObject(1, at(now));
				ps.setString(2, familyId);
			});
			return (count == 1) ? family.map((f) -> f.revoked(now)) : Optional.<RefreshFamily>empty();
		});
	}

	@Override
	public List<RefreshFamily> revokeAllForSubject(String subject, Instant now) {
		return inTransaction((connection) -> {
			List<RefreshFamily> active = new ArrayList<>();
			try (PreparedStatement select = connection.prepareStatement(LOCK_SUBJECT_FAMILIES)) {
				select.setString(1, subject);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						active.add(mapFamily(rs));
					}
				}
			}
			List<RefreshFamily> revoked = new ArrayList<>();
			for (RefreshFamily family : active) {
				int count = update(connection, REVOKE_FAMILY, (ps) -> {
					ps.setObject(1, at(now));
					ps.setString(2, family.familyId());
				});
				if (count == 1) {
					revoked.add(family.revoked(now));
				}
			}
			return revoked;
		});
	}

	@Override
	public int sweepExpired(Instant now, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive");
		}
		Binder candidates = (ps) -> {
			ps.setObject(1, at(now));
			ps.setObject(2, at(now));
			ps.setInt(3, batchSize);
		};
		return inTransaction((connection) -> {
			// The bound only moves up to a live family's idle expiry, which rotations push later, so it
			// never passes an expired family by (a shortened idle timeout delays only the deletion).
			update(connection, this.dialect.raiseSweepBoundSql(), candidates);
			return update(connection, this.dialect.sweepSql(), candidates);
		});
	}

	private static int update(Connection connection, String sql, Binder binder) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			binder.bind(ps);
			return ps.executeUpdate();
		}
	}

	private static RefreshFamily mapFamily(ResultSet rs) throws SQLException {
		RefreshGrant grant = new RefreshGrant(rs.getString("subject"), rs.getString("org"), rs.getString("project"),
				AttributesCodec.decode(rs.getString("attributes")));
		return new RefreshFamily(rs.getString("family_id"), grant, instant(rs, "created_at"),
				instant(rs, "absolute_expires_at"), instant(rs, "idle_expires_at"),
				"active".equals(rs.getString("state")) ? FamilyState.ACTIVE : FamilyState.REVOKED,
				instant(rs, "revoked_at"));
	}

	private static byte[] requireHandle(RefreshTokenKey token) {
		Objects.requireNonNull(token, "token");
		if (token.isLegacy()) {
			throw new IllegalArgumentException("a new token names its family by a handle");
		}
		return token.handle();
	}

	private static String stateName(FamilyState state) {
		return (state == FamilyState.ACTIVE) ? "active" : "revoked";
	}

	private static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private <T> T inTransaction(JdbcTransactions.Work<T> work) {
		return JdbcTransactions.inTransaction(this.dataSource, work,
				(ex) -> new RefreshTokenStoreException("Refresh-token database operation failed (SQLState " + ex.getSQLState() + ")", ex));
	}

	@Override
	public String toString() {
		return "JdbcRefreshTokenStore[" + this.dialect + "]";
	}


	/** A family row found by handle: the family and the hash of its active token. */
	private record HandleRow(RefreshFamily family, byte[] activeHash) {
	}

	@FunctionalInterface
	private interface Binder {

		void bind(PreparedStatement statement) throws SQLException;
	}
}
