package dev.palisade.security.audit;

import java.time.Instant;

/**
 * A signed statement "the chain had {@code sequence} records and its head hash was
 * {@code headHash} at {@code time}". Anyone holding the Ed25519 public key can check it.
 *
 * @param sequence sequence number of the last record covered
 * @param headHash hex SHA-256 of that record's line
 * @param time when the checkpoint was taken
 * @param line the canonical checkpoint line bytes (without newline), signature included
 */
public record AuditCheckpoint(long sequence, String headHash, Instant time, byte[] line) {

	@Override
	public String toString() {
		return "AuditCheckpoint[sequence=" + this.sequence + ", headHash=" + this.headHash + ", time=" + this.time + "]";
	}
}
