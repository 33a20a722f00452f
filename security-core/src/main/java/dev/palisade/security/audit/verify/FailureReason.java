package dev.palisade.security.audit.verify;

/** Why verification stopped at a sequence number. */
public enum FailureReason {

	/** The record's HMAC does not match its content: the record was edited or forged without the key. */
	MAC_MISMATCH,

	/** The record's {@code prev} is not the hash of the record before it. */
	PREVIOUS_HASH_MISMATCH,

	/** A sequence number is missing and appears nowhere later: records were deleted. */
	SEQUENCE_GAP,

	/** Records are out of order or duplicated: lines were swapped, moved or inserted. */
	SEQUENCE_REORDER,

	/** A checkpoint's Ed25519 signature does not verify with the public key. */
	CHECKPOINT_SIGNATURE_INVALID,

	/** A validly signed checkpoint names a different head hash than the record at its sequence. */
	CHECKPOINT_HEAD_MISMATCH,

	/** A checkpoint covers records that are no longer in the log: the log was cut short. */
	TRUNCATED_AFTER_CHECKPOINT,

	/**
	 * A record or checkpoint names a key id the verifier does not hold (unknown, disabled or
	 * destroyed): either the verifier lacks a retired key, or the line was forged under an invented id.
	 * It cannot be told apart here, so it counts as tampering until checked with the right keys.
	 */
	UNKNOWN_KEY,

	/**
	 * The log ends before a head the caller expected (a sequence number or a checkpoint kept
	 * elsewhere): it was cut short, possibly together with its own checkpoint file.
	 */
	SHORTER_THAN_EXPECTED,

	/** The last line is incomplete: a crash during a write, not tampering. */
	TORN_WRITE,

	/** A line is not a record in the expected layout. */
	MALFORMED_RECORD;

	/** Whether this reason is evidence of tampering (everything except {@link #TORN_WRITE}). */
	public boolean isTampering() {
		return this != TORN_WRITE;
	}
}
