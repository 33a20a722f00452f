package dev.palisade.security.autoconfigure.apikey;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.palisade.security.apikey.ApiKeyOutcome;
import dev.palisade.security.web.ApiKeyOutcomeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts API key authentications in {@value #NAME}, tagged {@code outcome} with the lower-case
 * {@link ApiKeyOutcome} name or {@code store_unavailable}: a fixed set of values, never a key id.
 * Every counter is registered up front, so dashboards see zeros rather than missing series.
 */
public final class ApiKeyMetrics implements ApiKeyOutcomeListener {

	/** The counter name. */
	public static final String NAME = "palisade.apikey.authentications";

	/** The tag value for a failed store read. */
	public static final String STORE_UNAVAILABLE = "store_unavailable";

	private final Map<ApiKeyOutcome, Counter> counters = new EnumMap<>(ApiKeyOutcome.class);

	private final Counter storeUnavailable;

	public ApiKeyMetrics(MeterRegistry registry) {
		for (ApiKeyOutcome outcome : ApiKeyOutcome.values()) {
			this.counters.put(outcome, counter(registry, tagValue(outcome)));
		}
		this.storeUnavailable = counter(registry, STORE_UNAVAILABLE);
	}

	/** The {@code outcome} tag value of an outcome. */
	public static String tagValue(ApiKeyOutcome outcome) {
		return outcome.name().toLowerCase(Locale.ROOT);
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(NAME)
			.description("API key authentication attempts by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void onOutcome(ApiKeyOutcome outcome) {
		this.counters.get(outcome).increment();
	}

	@Override
	public void onStoreUnavailable() {
		this.storeUnavailable.increment();
	}
}
