package dev.palisade.security.audit;

/**
 * Where a stored chain ends, as recovered by {@link AuditSink#open()}.
 *
 * @param sequence sequence number of the last whole record, 0 for an empty log
 * @param hash hex SHA-256 of that record's line, {@link AuditRecordFormat#GENESIS_HASH} for an empty log
 */
public record ChainHead(long sequence, String hash) {

	/** The head of an empty log. */
	public static ChainHead genesis() {
		return new ChainHead(0, AuditRecordFormat.GENESIS_HASH);
	}
}
