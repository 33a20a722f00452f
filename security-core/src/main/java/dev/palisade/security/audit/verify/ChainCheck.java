package dev.palisade.security.audit.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.crypto.Mac;
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

	private final Mac mac;

	private final PublicKey publicKey;

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

	ChainCheck(byte[] hmacKey, PublicKey publicKey, List<ParsedCheckpoint> checkpoints) {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
			if (hmacKey != null) {
				this.mac = Mac.getInstance("HmacSHA256");
				this.mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
			}
			else {
				this.mac = null;
			}
			this.signature = (publicKey != null) ? Signature.getInstance("Ed25519") : null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256, HMAC-SHA256 and Ed25519 are required", ex);
		}
		this.publicKey = publicKey;
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
		if (this.mac != null && !macMatches(b, off, len)) {
			fail(FailureReason.MAC_MISMATCH, sequence, where);
			return;
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
			if (!signatureValid(checkpoint)) {
				fail(FailureReason.CHECKPOINT_SIGNATURE_INVALID, checkpoint.sequence(), checkpoint.location());
				return;
			}
			if (checkpoint.sequence() == sequence && !checkpoint.headHash()
				.equals(new String(this.currentHashHex, StandardCharsets.US_ASCII))) {
				fail(FailureReason.CHECKPOINT_HEAD_MISMATCH, sequence, checkpoint.location());
				return;
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
			if (!signatureValid(beyond)) {
				fail(FailureReason.CHECKPOINT_SIGNATURE_INVALID, beyond.sequence(), beyond.location());
			}
			else {
				fail(FailureReason.TRUNCATED_AFTER_CHECKPOINT, this.expected, beyond.location());
			}
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

	private boolean macMatches(byte[] b, int off, int len) {
		int bodyEnd = len - AuditRecordFormat.MAC_SUFFIX_LENGTH;
		this.mac.update(b, off, bodyEnd);
		this.mac.update((byte) '}');
		try {
			this.mac.doFinal(this.computedMac, 0);
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

	private boolean signatureValid(ParsedCheckpoint checkpoint) {
		if (this.publicKey == null) {
			return true;
		}
		try {
			this.signature.initVerify(this.publicKey);
			this.signature.update(checkpoint.signedBytes());
			return this.signature.verify(checkpoint.signature());
		}
		catch (GeneralSecurityException ex) {
			return false;
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
