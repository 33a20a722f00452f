package dev.palisade.security.audit.verify;

/**
 * What a verification found.
 *
 * @param verifiedRecords records that verified before the first break (all of them when intact)
 * @param verifiedCheckpoints checkpoints whose head matched (and whose signature verified, when a public key was given)
 * @param firstBrokenSequence the sequence number where verification broke, or 0 when intact
 * @param reason why it broke, or {@code null} when intact
 * @param location file and line (or table row) of the break, or {@code null}
 */
public record VerificationResult(long verifiedRecords, long verifiedCheckpoints, long firstBrokenSequence,
		FailureReason reason, String location) {

	/** Whether every record and checkpoint verified and nothing is torn. */
	public boolean intact() {
		return this.reason == null;
	}

	/**
	 * Whether there was nothing to verify: no record and no break. An empty log is not evidence
	 * of an intact one, so {@link #summary()} and the command line say so instead of "OK".
	 */
	public boolean empty() {
		return this.reason == null && this.verifiedRecords == 0;
	}

	/** Whether the log shows tampering (a torn last write is not tampering). */
	public boolean tampered() {
		return this.reason != null && this.reason.isTampering();
	}

	/** One line for people: {@code OK: verified N records...} or {@code verified N records; first broken sequence S: REASON}. */
	public String summary() {
		if (empty()) {
			return "NO RECORDS: nothing to verify (" + this.verifiedCheckpoints + " checkpoints)";
		}
		if (intact()) {
			return "OK: verified " + this.verifiedRecords + " records, " + this.verifiedCheckpoints + " checkpoints";
		}
		String text = "verified " + this.verifiedRecords + " records; first broken sequence " + this.firstBrokenSequence
				+ ": " + this.reason;
		if (this.reason == FailureReason.TORN_WRITE) {
			text += " (incomplete last line from a crash during a write, not tampering)";
		}
		return (this.location != null) ? text + " at " + this.location : text;
	}
}
