package dev.palisade.security.audit;

/**
 * A sealed record as handed to an {@link AuditSink}: the event, its chain position and the
 * exact line bytes (without the trailing newline) that must be stored unchanged.
 *
 * @param sequence position in the chain, starting at 1
 * @param previousHash hex SHA-256 of the previous record's line ({@link AuditRecordFormat#GENESIS_HASH} for the first)
 * @param hash hex SHA-256 of this record's line
 * @param event the (already redacted) event
 * @param line the canonical line bytes; sinks must not modify them
 */
public record AuditRecord(long sequence, String previousHash, String hash, AuditEvent event, byte[] line) {

	@Override
	public String toString() {
		return "AuditRecord[sequence=" + this.sequence + ", hash=" + this.hash + ", action=" + this.event.action() + "]";
	}
}
