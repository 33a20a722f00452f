package dev.palisade.security.totp;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where TOTP enrolments live. {@link #update} must be atomic per subject, so two requests with one
 * code cannot both be accepted.
 */
public interface TotpEnrollmentStore {

	/** The subject's enrolment, confirmed or pending. */
	Optional<TotpEnrollment> find(String subject);

	/** Stores an enrolment, replacing the subject's previous one. */
	void save(TotpEnrollment enrollment);

	/**
	 * Atomically replaces the subject's enrolment with {@code change} applied to it; {@code change}
	 * returns {@code null} to keep it unchanged.
	 * @return the new enrolment, or empty when there was none or {@code change} kept it
	 */
	Optional<TotpEnrollment> update(String subject, UnaryOperator<TotpEnrollment> change);

	/** Removes the subject's enrolment; whether there was one. */
	boolean delete(String subject);
}
