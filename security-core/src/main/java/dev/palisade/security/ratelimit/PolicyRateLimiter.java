package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rate limiter: finds the first policy (in order) that matches a request, keys the
 * caller's buckets and takes a permit from every limit of that policy in the backend. When the
 * backend fails (Redis down or slower than its time budget), the request is answered by the
 * {@link FailureMode}, a metric hook is called, and one log line is written per state change.
 * Thread-safe. Build with {@link #builder(RateLimitBackend)}.
 */
public final class PolicyRateLimiter implements RateLimiter {

	private final List<RateLimitPolicy> policies;

	private final RateLimitBackend backend;

	private final FailureMode failureMode;

	private final Duration failClosedRetryAfter;

	private final BackendHealth health;

	private PolicyRateLimiter(Builder builder) {
		this.policies = List.copyOf(builder.policies);
		this.backend = builder.backend;
		this.failureMode = builder.failureMode;
		this.failClosedRetryAfter = builder.failClosedRetryAfter;
		this.health = new BackendHealth(builder.backend.name(), builder.failureMode, builder.listener);
	}

	/** Starts a limiter on {@code backend}. */
	public static Builder builder(RateLimitBackend backend) {
		return new Builder(backend);
	}

	@Override
	public RateLimitDecision check(RateLimitRequest request) {
		RateLimitPolicy policy = firstMatch(request);
		if (policy == null) {
			return RateLimitDecision.unlimited();
		}
		BucketKey key = policy.bucketKey(request);
		LimitOutcome[] outcomes;
		try {
			outcomes = this.backend.tryConsume(key, policy.limits());
		}
		catch (RuntimeException ex) {
			this.health.failed(ex);
			return fallback(policy);
		}
		this.health.succeeded();
		return combine(policy.name(), outcomes);
	}

	private RateLimitPolicy firstMatch(RateLimitRequest request) {
		for (RateLimitPolicy policy : this.policies) {
			if (policy.matches(request)) {
				return policy;
			}
		}
		return null;
	}

	/** On refusal: the refusing limit with the longest wait; otherwise the limit with the fewest permits left. */
	static RateLimitDecision combine(String policy, LimitOutcome[] outcomes) {
		if (outcomes.length == 1) {
			return decision(policy, outcomes[0]);
		}
		LimitOutcome reported = null;
		int reportedIndex = -1;
		boolean allowed = true;
		long retryAfter = 0;
		for (int i = 0; i < outcomes.length; i++) {
			LimitOutcome outcome = outcomes[i];
			if (!outcome.allowed()) {
				if (allowed || outcome.retryAfterNanos() > retryAfter) {
					reported = outcome;
					reportedIndex = i;
					retryAfter = outcome.retryAfterNanos();
				}
				allowed = false;
			}
			else if (allowed && (reported == null || outcome.remaining() < reported.remaining()
					|| (outcome.remaining() == reported.remaining() && outcome.limit() < reported.limit()))) {
				reported = outcome;
				reportedIndex = i;
			}
		}
		if (reported == null) {
			throw new IllegalStateException("A rate-limit policy has at least one limit");
		}
		return new RateLimitDecision(allowed, policy, reported.limit(), reported.remaining(), reported.resetAfterNanos(),
				allowed ? 0 : retryAfter, RateLimitDecision.Basis.BACKEND, reportedIndex);
	}

	private static RateLimitDecision decision(String policy, LimitOutcome outcome) {
		boolean allowed = outcome.allowed();
		return new RateLimitDecision(allowed, policy, outcome.limit(), outcome.remaining(), outcome.resetAfterNanos(),
				allowed ? 0 : outcome.retryAfterNanos(), RateLimitDecision.Basis.BACKEND);
	}

	/**
	 * The failure mode's answer, reporting the policy's smallest limit. A fail-closed refusal says
	 * the caller may retry (and the limit resets, as far as it knows) after the configured wait.
	 */
	private RateLimitDecision fallback(RateLimitPolicy policy) {
		List<LimitDefinition> limits = policy.limits();
		int smallest = 0;
		for (int i = 1; i < limits.size(); i++) {
			if (limits.get(i).capacity() < limits.get(smallest).capacity()) {
				smallest = i;
			}
		}
		long limit = limits.get(smallest).capacity();
		if (this.failureMode == FailureMode.FAIL_OPEN) {
			return new RateLimitDecision(true, policy.name(), limit, 0, 0, 0, RateLimitDecision.Basis.FAIL_OPEN,
					smallest);
		}
		long wait = this.failClosedRetryAfter.toNanos();
		return new RateLimitDecision(false, policy.name(), limit, 0, wait, wait, RateLimitDecision.Basis.FAIL_CLOSED,
				smallest);
	}

	/** Whether the backend answered the last request (for a health indicator). */
	public boolean isBackendAvailable() {
		return this.health.isAvailable();
	}

	/** How many requests were answered by the failure mode since start (for a metric). */
	public long fallbackCount() {
		return this.health.fallbackCount();
	}

	/** The policies in matching order. */
	public List<RateLimitPolicy> policies() {
		return this.policies;
	}

	/** The configured failure mode. */
	public FailureMode failureMode() {
		return this.failureMode;
	}

	@Override
	public String toString() {
		return "PolicyRateLimiter[" + this.backend.name() + ", " + this.failureMode + ", " + this.policies.size()
				+ " policies]";
	}

	/** Builds a {@link PolicyRateLimiter}. */
	public static final class Builder {

		private final RateLimitBackend backend;

		private final List<RateLimitPolicy> policies = new ArrayList<>();

		private FailureMode failureMode = FailureMode.FAIL_OPEN;

		private Duration failClosedRetryAfter = Duration.ofSeconds(1);

		private RateLimiterHealthListener listener = RateLimiterHealthListener.NONE;

		private Builder(RateLimitBackend backend) {
			if (backend == null) {
				throw new IllegalArgumentException("A rate limiter needs a backend");
			}
			this.backend = backend;
		}

		/** Adds a policy; policies are tried in the order added and the first match applies. */
		public Builder policy(RateLimitPolicy policy) {
			if (policy == null) {
				throw new IllegalArgumentException("A policy must not be null");
			}
			this.policies.add(policy);
			return this;
		}

		/** Adds policies in order. */
		public Builder policies(List<RateLimitPolicy> policies) {
			policies.forEach(this::policy);
			return this;
		}

		/** What to answer when the backend fails; {@link FailureMode#FAIL_OPEN} by default. */
		public Builder failureMode(FailureMode failureMode) {
			if (failureMode == null) {
				throw new IllegalArgumentException("A failure mode must not be null");
			}
			this.failureMode = failureMode;
			return this;
		}

		/** The {@code Retry-After} of a fail-closed refusal; one second by default. */
		public Builder failClosedRetryAfter(Duration retryAfter) {
			if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
				throw new IllegalArgumentException("failClosedRetryAfter must be positive");
			}
			this.failClosedRetryAfter = retryAfter;
			return this;
		}

		/** Receives backend state changes and fallback decisions (metrics, health). */
		public Builder healthListener(RateLimiterHealthListener listener) {
			this.listener = (listener != null) ? listener : RateLimiterHealthListener.NONE;
			return this;
		}

		/**
		 * Builds the limiter.
		 * @throws IllegalArgumentException if two policies share a name (they would share buckets)
		 */
		public PolicyRateLimiter build() {
			Set<String> names = new HashSet<>();
			for (RateLimitPolicy policy : this.policies) {
				if (!names.add(policy.name())) {
					throw new IllegalArgumentException("Two rate-limit policies are named '" + policy.name() + "'");
				}
			}
			return new PolicyRateLimiter(this);
		}
	}
}
