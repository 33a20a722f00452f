package dev.palisade.security.totp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes: HOTP (RFC 4226) over the time step {@code floor(unix seconds / step)}. Written
 * by hand because it is one HMAC and the RFC's dynamic truncation; the JDK has the HMAC.
 */
public final class Totp {

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private final TotpAlgorithm algorithm;

	private final int digits;

	private final long stepSeconds;

	/**
	 * @param algorithm the HMAC
	 * @param digits 6 to 8
	 * @param step the time step (30 s in every authenticator app)
	 */
	public Totp(TotpAlgorithm algorithm, int digits, Duration step) {
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException("A TOTP code has 6 to 8 digits");
		}
		this.digits = digits;
		this.stepSeconds = step.toSeconds();
		if (this.stepSeconds < 1) {
			throw new IllegalArgumentException("The TOTP time step must be at least 1 s");
		}
	}

	/** SHA-1, 6 digits, 30 s: what authenticator apps use. */
	public static Totp defaults() {
		return new Totp(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
	}

	/** The time step of an instant. */
	public long timeStep(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), this.stepSeconds);
	}

	/** The code for a time step, zero-padded to the number of digits. */
	public String code(byte[] secret, long timeStep) {
		byte[] hash = hmac(secret, timeStep);
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[this.digits]);
		return "0".repeat(this.digits - code.length()) + code;
	}

	/**
	 * The time step, among {@code now}'s and {@code window} steps either side, whose code is
	 * {@code code} and which is later than {@code notAfterStep}; every candidate is compared in
	 * constant time, so the timing says nothing about which step matched.
	 * @param notAfterStep the last step already used (replays are refused), or {@code Long.MIN_VALUE}
	 */
	public OptionalLong matchingStep(byte[] secret, String code, Instant now, int window, long notAfterStep) {
		if (code == null || code.length() != this.digits || !code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		byte[] presented = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long current = timeStep(now);
		long matched = Long.MIN_VALUE;
		for (long step = current - window; step <= current + window; step++) {
			boolean equal = MessageDigest.isEqual(presented,
					code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			if (equal && step > notAfterStep && matched == Long.MIN_VALUE) {
				matched = step;
			}
		}
		return (matched == Long.MIN_VALUE) ? OptionalLong.empty() : OptionalLong.of(matched);
	}

	/** The number of digits. */
	public int digits() {
		return this.digits;
	}

	/** The algorithm. */
	public TotpAlgorithm algorithm() {
		return this.algorithm;
	}

	/** The time step in seconds. */
	public long stepSeconds() {
		return this.stepSeconds;
	}

	private byte[] hmac(byte[] secret, long counter) {
		try {
			Mac mac = Mac.getInstance(this.algorithm.jcaName());
			mac.init(new SecretKeySpec(secret, this.algorithm.jcaName()));
			byte[] message = new byte[8];
			for (int i = 7; i >= 0; i--) {
				message[i] = (byte) counter;
				counter >>>= 8;
			}
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no " + this.algorithm.jcaName(), ex);
		}
	}

	@Override
	public String toString() {
		return "Totp[" + this.algorithm + ", " + this.digits + " digits, " + this.stepSeconds + " s]";
	}
}
