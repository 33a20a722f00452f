package dev.palisade.security.audit.verify;

/**
 * Where an earlier pass over a file-sink directory last tied the chain to a signed checkpoint:
 * the record file holding the checkpoint's record, the byte just after that record's line, and
 * what had verified up to there. {@link AuditVerifier#verifyDirectory(java.nio.file.Path, ResumePoint)}
 * starts from here instead of from the first record.
 *
 * @param fileName the record file's name
 * @param fileKey the file's key (device and inode) when it was read, or {@code null} where the
 * platform has none
 * @param offset the byte offset just after the checkpoint record's line
 * @param lineNumber that record's line number in the file
 * @param sequence the checkpoint's (and its record's) sequence number
 * @param headHash the checkpoint's head hash: the hash of that record's line
 * @param verifiedRecords records verified up to and including that record
 * @param verifiedCheckpoints checkpoints verified up to and including that checkpoint
 */
public record ResumePoint(String fileName, Object fileKey, long offset, int lineNumber, long sequence,
		String headHash, long verifiedRecords, long verifiedCheckpoints) {
}
