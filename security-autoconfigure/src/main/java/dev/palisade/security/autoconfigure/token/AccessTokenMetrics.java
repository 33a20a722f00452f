package dev.palisade.security.autoconfigure.token;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.web.AccessTokenOutcomeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts bearer access-token verifications in {@value #NAME}, tagged {@code outcome}: {@code valid}
 * or the lower-case {@link InvalidTokenException.Reason} ({@code expired}, {@code bad_signature},
 * {@code revoked}...), a fixed set of values, never a subject or token id. Every counter is
 * registered up front, so dashboards see zeros rather than missing series.
 */
public final class AccessTokenMetrics implements AccessTokenOutcomeListener {

	/** The counter name. */
	public static final String NAME = "palisade.token.verifications";

	/** The tag value of a verified token. */
	public static final String VALID = "valid";

	private final Counter valid;

	private final Map<InvalidTokenException.Reason, Counter> rejected = new EnumMap<>(InvalidTokenException.Reason.class);

	public AccessTokenMetrics(MeterRegistry registry) {
		this.valid = counter(registry, VALID);
		for (InvalidTokenException.Reason reason : InvalidTokenException.Reason.values()) {
			this.rejected.put(reason, counter(registry, reason.name().toLowerCase(Locale.ROOT)));
		}
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(NAME)
			.description("Bearer access-token verifications by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void onVerified() {
		this.valid.increment();
	}

	@Override
	public void onRejected(InvalidTokenException.Reason reason) {
		this.rejected.get(reason).increment();
	}
}
