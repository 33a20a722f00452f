package dev.palisade.security.autoconfigure.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.web.RateLimitDecisionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts decisions as {@code palisade.ratelimit.decisions} with the tags {@code policy} (a configured
 * policy name, so the tag set is bounded) and {@code outcome} ({@code allowed}, {@code limited},
 * {@code fail_open}, {@code fail_closed}).
 */
final class MicrometerRateLimitDecisionListener implements RateLimitDecisionListener {

	static final String METER = "palisade.ratelimit.decisions";

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	MicrometerRateLimitDecisionListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onDecision(RateLimitDecision decision) {
		String outcome = outcome(decision);
		this.counters.computeIfAbsent(decision.policy() + '\n' + outcome, (key) -> Counter.builder(METER)
			.description("Rate-limit decisions by policy and outcome")
			.tag("policy", decision.policy())
			.tag("outcome", outcome)
			.register(this.registry)).increment();
	}

	static String outcome(RateLimitDecision decision) {
		return switch (decision.basis()) {
			case FAIL_OPEN -> "fail_open";
			case FAIL_CLOSED -> "fail_closed";
			default -> decision.allowed() ? "allowed" : "limited";
		};
	}
}
