package dev.palisade.benchmarks.refresh;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The baseline for a rotation, shared by every refresh benchmark so they all measure the
 * same thing: the bare single-row {@code UPDATE ... WHERE token_hash = ? AND state = 'active'} on a
 * row of one thread's own. It sets the state to 'active' again, so every call matches its row and
 * writes a new row version (the write cost of setting 'rotated') without a fresh row per call.
 */
final class SingleUpdateBaseline {

	private final byte[] tokenHash = new byte[32];

	private final PreparedStatement update;

	/** Inserts this thread's token row into {@code familyId} and prepares the update on it. */
	SingleUpdateBaseline(Connection connection, String familyId) throws SQLException {
		new SecureRandom().nextBytes(this.tokenHash);
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO palisade_refresh_token"
				+ " (token_hash, family_id, state, issued_at) VALUES (?, ?, 'active', now())")) {
			insert.setBytes(1, this.tokenHash);
			insert.setString(2, familyId);
			insert.executeUpdate();
		}
		this.update = connection.prepareStatement(
				"UPDATE palisade_refresh_token SET state = 'active' WHERE token_hash = ? AND state = 'active'");
	}

	/** One baseline update; fails if it did not match its row. */
	int run() throws SQLException {
		this.update.setBytes(1, this.tokenHash);
		int count = this.update.executeUpdate();
		if (count != 1) {
			throw new IllegalStateException("baseline row not matched");
		}
		return count;
	}
}
