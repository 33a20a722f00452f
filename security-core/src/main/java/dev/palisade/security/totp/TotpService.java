package dev.palisade.security.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.palisade.security.crypto.aead.Aead;
import dev.palisade.security.crypto.aead.AeadException;

/**
 * TOTP as a second factor: enrol (a pending enrolment until a first code confirms it), verify a
 * code within one time step either side and at most once (the accepted step is stored and a code
 * of that step or an earlier one is refused), or spend a recovery code once. The secret is sealed
 * with the {@link Aead} under {@code palisade/totp/<subject>}, so a stored secret cannot be moved to
 * another user; recovery codes are kept as SHA-256 hashes (80 random bits each: a slow hash adds
 * nothing at that entropy).
 */
public final class TotpService {

	/** Time steps accepted either side of now (RFC 6238 section 5.2 recommends at most one). */
	public static final int WINDOW = 1;

	private static final int SECRET_BYTES = 20;

	private static final int RECOVERY_CODES = 10;

	private final TotpEnrollmentStore store;

	private final Aead aead;

	private final Totp totp;

	private final Clock clock;

	private final String issuer;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param store where enrolments live
	 * @param aead seals the secrets
	 * @param totp the code parameters
	 * @param clock the time
	 * @param issuer the name authenticator apps show (the otpauth URI's issuer)
	 */
	public TotpService(TotpEnrollmentStore store, Aead aead, Totp totp, Clock clock, String issuer) {
		this.store = Objects.requireNonNull(store, "store");
		this.aead = Objects.requireNonNull(aead, "aead");
		this.totp = Objects.requireNonNull(totp, "totp");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.issuer = Objects.requireNonNull(issuer, "issuer");
	}

	/**
	 * Starts an enrolment, replacing a pending one.
	 * @throws IllegalStateException if the subject already has a confirmed enrolment (disable it first)
	 */
	public TotpSetup enroll(String subject) {
		if (isEnrolled(subject)) {
			throw new IllegalStateException("TOTP is already enrolled; disable it before enrolling again");
		}
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = recoveryCode();
			codes.add(code);
			hashes.add(hash(subject, code));
		}
		try {
			this.store.save(new TotpEnrollment(subject, this.aead.encrypt(secret, aad(subject)), false, Long.MIN_VALUE,
					hashes));
			String base32 = Base32.encode(secret);
			return new TotpSetup(base32, uri(subject, base32), codes);
		}
		finally {
			Arrays.fill(secret, (byte) 0);
		}
	}

	/** Confirms a pending enrolment with a first code; whether it is now confirmed. */
	public boolean confirm(String subject, String code) {
		return acceptCode(subject, code, false);
	}

	/** Whether the subject has a confirmed enrolment, so that a sign-in needs a second factor. */
	public boolean isEnrolled(String subject) {
		return this.store.find(subject).map(TotpEnrollment::confirmed).orElse(false);
	}

	/**
	 * Whether {@code code} is a good second factor now: an unused code of a confirmed enrolment,
	 * or one of its unused recovery codes (spent by this call). False when not enrolled.
	 */
	public boolean verify(String subject, String code) {
		if (code == null) {
			return false;
		}
		if (code.length() == this.totp.digits()) {
			return acceptCode(subject, code, true);
		}
		String hash = hash(subject, code);
		return this.store.update(subject, (enrollment) -> {
			if (!enrollment.confirmed() || !containsHash(enrollment.recoveryCodeHashes(), hash)) {
				return null;
			}
			List<String> left = new ArrayList<>(enrollment.recoveryCodeHashes());
			left.remove(hash);
			return new TotpEnrollment(subject, enrollment.sealedSecret(), true, enrollment.lastUsedStep(), left);
		}).isPresent();
	}

	/** Ends the subject's enrolment when {@code code} verifies; whether it did. */
	public boolean disable(String subject, String code) {
		return verify(subject, code) && this.store.delete(subject);
	}

	/** How many recovery codes the subject has left (0 when not enrolled). */
	public int recoveryCodesLeft(String subject) {
		return this.store.find(subject).map((enrollment) -> enrollment.recoveryCodeHashes().size()).orElse(0);
	}

	private boolean acceptCode(String subject, String code, boolean mustBeConfirmed) {
		Optional<TotpEnrollment> found = this.store.find(subject);
		if (found.isEmpty() || found.get().confirmed() != mustBeConfirmed) {
			return false;
		}
		byte[] secret;
		try {
			secret = this.aead.decrypt(found.get().sealedSecret(), aad(subject));
		}
		catch (AeadException ex) {
			return false; // a secret that does not open (moved, tampered, key destroyed) verifies nothing
		}
		try {
			OptionalLong step = this.totp.matchingStep(secret, code, this.clock.instant(), WINDOW,
					found.get().lastUsedStep());
			if (step.isEmpty()) {
				return false;
			}
			long accepted = step.getAsLong();
			// atomic: of two requests with one code, only the one that moves the step forward wins
			return this.store.update(subject, (current) -> (current.lastUsedStep() < accepted
					&& current.confirmed() == mustBeConfirmed) ? current.confirmedAt(accepted) : null).isPresent();
		}
		finally {
			Arrays.fill(secret, (byte) 0);
		}
	}

	private String uri(String subject, String base32) {
		String label = encode(this.issuer) + ":" + encode(subject);
		return "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(this.issuer) + "&algorithm="
				+ this.totp.algorithm() + "&digits=" + this.totp.digits() + "&period=" + this.totp.stepSeconds();
	}

	private String recoveryCode() {
		byte[] bytes = new byte[10]; // 80 bits
		this.random.nextBytes(bytes);
		String text = Base32.encode(bytes).toLowerCase(Locale.ROOT);
		return text.substring(0, 4) + "-" + text.substring(4, 8) + "-" + text.substring(8, 12) + "-"
				+ text.substring(12, 16);
	}

	private static boolean containsHash(List<String> hashes, String hash) {
		boolean found = false;
		byte[] wanted = hash.getBytes(StandardCharsets.US_ASCII);
		for (String candidate : hashes) {
			found |= MessageDigest.isEqual(wanted, candidate.getBytes(StandardCharsets.US_ASCII));
		}
		return found;
	}

	private static String hash(String subject, String recoveryCode) {
		String normalised = recoveryCode.strip().toLowerCase(Locale.ROOT).replace("-", "");
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(subject.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			return HexFormat.of().formatHex(sha256.digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JRE", ex);
		}
	}

	private static byte[] aad(String subject) {
		return ("palisade/totp/" + subject).getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public String toString() {
		return "TotpService[" + this.totp + ", " + this.store + "]";
	}
}
