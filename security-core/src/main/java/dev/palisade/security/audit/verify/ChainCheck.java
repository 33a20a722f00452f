package dev.palisade.security.audit.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import dev.palisade.security.audit.AuditRecordFormat;

/**
 * One verification pass over a record stream. Checks each line at fixed byte positions (no JSON
 * parse), reusing one Mac and one MessageDigest, and stops at the first break; after a jump in
 * sequence numbers it keeps scanning only to tell a deletion (gap) from a reordering.
 */
final class ChainCheck {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final Map<String, Mac> macs;

	private final Map<String, PublicKey> publicKeys;

	private final Signature signature;

	private final MessageDigest sha256;

	private final ArrayDeque<ParsedCheckpoint> checkpoints = new ArrayDeque<>();

	private final ParsedCheckpoint malformedCheckpoint;

	private final byte[] computedMac = new byte[32];

	private final byte[] storedMac = new byte[32];

	private final byte[] digest = new byte[32];

	private byte[] previousHashHex = AuditRecordFormat.GENESIS_HASH.getBytes(StandardCharsets.US_ASCII);

	private byte[] currentHashHex = new byte[64];

	private long expected = 1;

	private long verifiedRecords;

	private long verifiedCheckpoints;

	private FailureReason reason;

	private long brokenSequence;

	private String location;

	private boolean lookingForMissing;

	private final long minimumSequence;

	private long anchoredSequence;

	private String anchoredHead;

	/**
	 * @param macKeys HMAC keys by key id; empty to skip record MACs
	 * @param publicKeys Ed25519 checkpoint keys by key id; empty to skip checkpoint signatures
	 * @param checkpoints the checkpoints to hold the chain to, stored and expected
	 * @param minimumSequence the log must reach at least this sequence number, else
	 * {@link FailureReason#SHORTER_THAN_EXPECTED}; 0 for no expectation
	 */
	ChainCheck(Map<String, SecretKey> macKeys, Map<String, PublicKey> publicKeys, List<ParsedCheckpoint> checkpoints,
			long minimumSequence) {
		this.minimumSequence = minimumSequence;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
			Map<String, Mac> byId = new HashMap<>();
			for (Map.Entry<String, SecretKey> key : macKeys.entrySet()) {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key.getValue().getEncoded(), "HmacSHA256"));
				byId.put(key.getKey(), mac);
			}
			this.macs = byId;
			this.signature = publicKeys.isEmpty() ? null : Signature.getInstance("Ed25519");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256, HMAC-SHA256 and Ed25519 are required", ex);
		}
		this.publicKeys = publicKeys;
		ParsedCheckpoint malformed = null;
		for (ParsedCheckpoint checkpoint : checkpoints) {
			if (checkpoint.malformed()) {
				malformed = (malformed != null) ? malformed : checkpoint;
			}
		}
		this.malformedCheckpoint = malformed;
		checkpoints.stream()
			.filter((checkpoint) -> !checkpoint.malformed())
			.sorted(Comparator.comparingLong(ParsedCheckpoint::sequence))
			.forEach(this.checkpoints::add);
	}

	/**
	 * Starts after a record already verified in an earlier pass: the next record must carry
	 * {@code sequence + 1} and chain to {@code headHash}; checkpoints up to {@code sequence} were
	 * verified then and are not checked again.
	 */
	void resumeAfter(long sequence, String headHash, long recordsSoFar, long checkpointsSoFar) {
		this.expected = sequence + 1;
		this.previousHashHex = headHash.getBytes(StandardCharsets.US_ASCII);
		this.verifiedRecords = recordsSoFar;
		this.verifiedCheckpoints = checkpointsSoFar;
		while (!this.checkpoints.isEmpty() && this.checkpoints.peekFirst().sequence() <= sequence) {
			this.checkpoints.pollFirst();
		}
	}

	/** The sequence of the last record whose hash a checkpoint confirmed, or 0. */
	long anchoredSequence() {
		return this.anchoredSequence;
	}

	/** The head hash confirmed at {@link #anchoredSequence()}, or {@code null}. */
	String anchoredHead() {
		return this.anchoredHead;
	}

	long verifiedRecords() {
		return this.verifiedRecords;
	}

	long verifiedCheckpoints() {
		return this.verifiedCheckpoints;
	}

	/** Checks one whole line (without newline). */
	void record(byte[] b, int off, int len, String where) {
		if (this.reason != null) {
			if (this.lookingForMissing && AuditRecordFormat.recordSequence(b, off, len) == this.expected) {
				this.reason = FailureReason.SEQUENCE_REORDER;
				this.lookingForMissing = false;
			}
			return;
		}
		long sequence = AuditRecordFormat.recordSequence(b, off, len);
		if (sequence < 1) {
			fail(FailureReason.MALFORMED_RECORD, this.expected, where);
			return;
		}
		if (sequence != this.expected) {
			if (sequence < this.expected) {
				fail(FailureReason.SEQUENCE_REORDER, this.expected, where);
			}
			else {
				// a gap, unless the missing record turns up later (then lines were moved)
				fail(FailureReason.SEQUENCE_GAP, this.expected, where);
				this.lookingForMissing = true;
			}
			return;
		}
		if (!this.macs.isEmpty()) {
			Mac mac = this.macs.get(AuditRecordFormat.recordKeyId(b, off));
			if (mac == null) {
				fail(FailureReason.UNKNOWN_KEY, sequence, where);
				return;
			}
			if (!macMatches(mac, b, off, len)) {
				fail(FailureReason.MAC_MISMATCH, sequence, where);
				return;
			}
		}
		int prev = AuditRecordFormat.recordPrevOffset(b, off);
		if (!Arrays.equals(b, prev, prev + 64, this.previousHashHex, 0, 64)) {
			fail(FailureReason.PREVIOUS_HASH_MISMATCH, sequence, where);
			return;
		}
		this.sha256.update(b, off, len);
		digestInto(this.currentHashHex);
		while (!this.checkpoints.isEmpty() && this.checkpoints.peekFirst().sequence() <= sequence) {
			ParsedCheckpoint checkpoint = this.checkpoints.pollFirst();
			FailureReason invalid = signatureProblem(checkpoint);
			if (invalid != null) {
				fail(invalid, checkpoint.sequence(), checkpoint.location());
				return;
			}
			if (checkpoint.sequence() == sequence) {
				if (!checkpoint.headHash().equals(new String(this.currentHashHex, StandardCharsets.US_ASCII))) {
					fail(FailureReason.CHECKPOINT_HEAD_MISMATCH, sequence, checkpoint.location());
					return;
				}
				this.anchoredSequence = sequence;
				this.anchoredHead = checkpoint.headHash();
			}
			this.verifiedCheckpoints++;
		}
		byte[] swap = this.previousHashHex;
		this.previousHashHex = this.currentHashHex;
		this.currentHashHex = swap;
		this.verifiedRecords++;
		this.expected = sequence + 1;
	}

	/** Ends the pass; {@code tornLocation} names an unterminated last line, or is {@code null}. */
	VerificationResult finish(String tornLocation) {
		if (this.reason == null && !this.checkpoints.isEmpty()) {
			ParsedCheckpoint beyond = this.checkpoints.peekFirst();
			FailureReason invalid = signatureProblem(beyond);
			if (invalid != null) {
				fail(invalid, beyond.sequence(), beyond.location());
			}
			else {
				fail(FailureReason.TRUNCATED_AFTER_CHECKPOINT, this.expected, beyond.location());
			}
		}
		if (this.reason == null && this.expected - 1 < this.minimumSequence) {
			fail(FailureReason.SHORTER_THAN_EXPECTED, this.expected,
					"end of log (expected at least sequence " + this.minimumSequence + ")");
		}
		if (this.reason == null && this.malformedCheckpoint != null) {
			fail(FailureReason.MALFORMED_RECORD, 0, this.malformedCheckpoint.location());
		}
		if (this.reason == null && tornLocation != null) {
			fail(FailureReason.TORN_WRITE, this.expected, tornLocation);
		}
		return new VerificationResult(this.verifiedRecords, this.verifiedCheckpoints, this.brokenSequence, this.reason,
				this.location);
	}

	private boolean macMatches(Mac mac, byte[] b, int off, int len) {
		int bodyEnd = len - AuditRecordFormat.MAC_SUFFIX_LENGTH;
		mac.update(b, off, bodyEnd);
		mac.update((byte) '}');
		try {
			mac.doFinal(this.computedMac, 0);
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException(ex);
		}
		int hex = off + len - 66;
		for (int i = 0; i < 32; i++) {
			this.storedMac[i] = (byte) (nibble(b[hex + 2 * i]) << 4 | nibble(b[hex + 2 * i + 1]));
		}
		return MessageDigest.isEqual(this.computedMac, this.storedMac);
	}

	/** Null when the checkpoint's signature verifies (or signatures are not checked), else why not. */
	private FailureReason signatureProblem(ParsedCheckpoint checkpoint) {
		if (this.publicKeys.isEmpty()) {
			return null;
		}
		PublicKey key = this.publicKeys.get(checkpoint.keyId());
		if (key == null) {
			return FailureReason.UNKNOWN_KEY;
		}
		try {
			this.signature.initVerify(key);
			this.signature.update(checkpoint.signedBytes());
			return this.signature.verify(checkpoint.signature()) ? null : FailureReason.CHECKPOINT_SIGNATURE_INVALID;
		}
		catch (GeneralSecurityException ex) {
			return FailureReason.CHECKPOINT_SIGNATURE_INVALID;
		}
	}

	private void digestInto(byte[] hex) {
		try {
			this.sha256.digest(this.digest, 0, 32);
		}
		catch (java.security.DigestException ex) {
			throw new IllegalStateException(ex);
		}
		for (int i = 0; i < 32; i++) {
			hex[2 * i] = HEX[(this.digest[i] >> 4) & 0xF];
			hex[2 * i + 1] = HEX[this.digest[i] & 0xF];
		}
	}

	private void fail(FailureReason failure, long sequence, String where) {
		this.reason = failure;
		this.brokenSequence = sequence;
		this.location = where;
	}

	private static int nibble(byte c) {
		return (c <= '9') ? c - '0' : c - 'a' + 10;
	}
}
