package dev.palisade.security.totp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Enrolments in this JVM's memory (lost on restart): for the sample and tests. */
public final class InMemoryTotpEnrollmentStore implements TotpEnrollmentStore {

	private final Map<String, TotpEnrollment> enrollments = new ConcurrentHashMap<>();

	@Override
	public Optional<TotpEnrollment> find(String subject) {
		return Optional.ofNullable(this.enrollments.get(subject));
	}

	@Override
	public void save(TotpEnrollment enrollment) {
		this.enrollments.put(enrollment.subject(), enrollment);
	}

	@Override
	public Optional<TotpEnrollment> update(String subject, UnaryOperator<TotpEnrollment> change) {
		TotpEnrollment[] changed = new TotpEnrollment[1];
		this.enrollments.computeIfPresent(subject, (key, current) -> {
			TotpEnrollment next = change.apply(current);
			changed[0] = next;
			return (next != null) ? next : current;
		});
		return Optional.ofNullable(changed[0]);
	}

	@Override
	public boolean delete(String subject) {
		return this.enrollments.remove(subject) != null;
	}

	@Override
	public String toString() {
		return "InMemoryTotpEnrollmentStore[" + this.enrollments.size() + " enrolments]";
	}
}
