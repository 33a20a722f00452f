package dev.palisade.security.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.List;

import dev.palisade.security.net.ProxyHeader;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.FailureMode;
import dev.palisade.security.ratelimit.KeyStrategy;
import dev.palisade.security.ratelimit.LimitAlgorithm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limiting ({@code palisade.rate-limit}). Nothing is limited until policies are declared:
 * a default per-address limit would throttle a whole service to one bucket when it runs behind a
 * proxy whose address range is not yet listed in {@code trusted-proxies}. The sign-in throttle is
 * on by default.
 *
 * @param enabled Whether rate limiting is configured at all.
 * @param backend Where buckets live: local (this instance) or redis (shared by all
 * instances).
 * @param redis The Redis backend.
 * @param timeBudget The longest a decision may wait for the backend before the failure mode answers;
 * with Redis it also bounds each step of opening a connection (TCP connect, then handshake); a request
 * never waits for a connection attempt, and start-up waits for the first attempt only.
 * @param failureMode What to answer when the backend cannot decide in time: fail-open lets the
 * request through, fail-closed refuses it with 429.
 * @param failClosedRetryAfter The Retry-After of a fail-closed refusal.
 * @param maximumLocalKeys The most callers the local backend tracks at once; callers idle for a
 * sweep interval (10 s) are dropped once their limits have recovered, and beyond this bound the
 * least valuable are evicted, which resets their buckets.
 * @param trustedProxies CIDR blocks of the reverse proxies whose forwarding header is believed; empty
 * means the socket peer is always the client.
 * @param proxyHeader The forwarding header those proxies write: x-forwarded-for or
 * forwarded.
 * @param planClaim The token claim that carries the caller's plan; an API key's plan is the key's own
 * (set when it is created, or plan of a declared key).
 * @param ietfHeaders Whether to add the IETF RateLimit-Policy and RateLimit fields.
 * @param preAuthPolicies Policies checked before authentication, keyed by client address (callers
 * have no principal yet, so caller kinds and plans cannot be used); the first match applies.
 * @param policies Policies checked after authentication; the first match applies.
 * @param signIn The sign-in throttle (per username and client address).
 */
@ConfigurationProperties("palisade.rate-limit")
public record PalisadeRateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("local") Backend backend, @DefaultValue Redis redis, @DefaultValue("50ms") Duration timeBudget,
		@DefaultValue("fail-open") FailureMode failureMode, @DefaultValue("1s") Duration failClosedRetryAfter,
		@DefaultValue("100000") long maximumLocalKeys, List<String> trustedProxies,
		@DefaultValue("x-forwarded-for") ProxyHeader proxyHeader, @DefaultValue("plan") String planClaim,
		@DefaultValue("false") boolean ietfHeaders, List<Policy> preAuthPolicies, List<Policy> policies,
		@DefaultValue SignIn signIn) {

	public PalisadeRateLimitProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		preAuthPolicies = (preAuthPolicies != null) ? List.copyOf(preAuthPolicies) : List.of();
		policies = (policies != null) ? List.copyOf(policies) : List.of();
	}

	/** Where buckets live. */
	public enum Backend {

		/** In this JVM (Caffeine); each instance counts on its own. */
		LOCAL,

		/** In Redis (bucket4j + Lettuce); all instances share one budget. */
		REDIS
	}

	/**
	 * The Redis backend.
	 *
	 * @param uri The Redis URI, for example redis://localhost:6379 or
	 * rediss://:password@host:6380/0. Unset, Spring Boot's Redis connection (spring.data.redis.*) is
	 * used when there is one, else redis://localhost:6379.
	 * @param keyPrefix The prefix of every bucket key.
	 */
	public record Redis(String uri,
			@DefaultValue("palisade:rl:") String keyPrefix) {

		@Override
		public String toString() {
			return "Redis[keyPrefix=" + this.keyPrefix + "]"; // the URI may hold a password
		}
	}

	/**
	 * One policy.
	 *
	 * @param name The policy name (letters, digits, '.', '_', '-'), unique across both lists; it is a
	 * metric tag and part of the bucket keys.
	 * @param paths Ant-style path patterns; none means every path.
	 * @param methods HTTP methods; none means every method.
	 * @param callerKinds Caller kinds (user, service, api-key, client-cert); none means every caller,
	 * anonymous ones included.
	 * @param plans Plans; none means every plan, requests without one included.
	 * @param keyBy What buckets are keyed by: api-key, subject, org or client-ip (the fallback when the
	 * request lacks the preferred identity).
	 * @param limits The limits, all of which a request must pass (for example 20 per second and 10000
	 * per day).
	 */
	public record Policy(String name, List<String> paths, List<String> methods, List<PrincipalKind> callerKinds,
			List<String> plans, @DefaultValue("client-ip") KeyStrategy keyBy, List<Limit> limits) {

		public Policy {
			paths = (paths != null) ? List.copyOf(paths) : List.of();
			methods = (methods != null) ? List.copyOf(methods) : List.of();
			callerKinds = (callerKinds != null) ? List.copyOf(callerKinds) : List.of();
			plans = (plans != null) ? List.copyOf(plans) : List.of();
			limits = (limits != null) ? List.copyOf(limits) : List.of();
		}
	}

	/**
	 * One limit.
	 *
	 * @param capacity Requests allowed per period (and the largest burst).
	 * @param period The length of the period.
	 * @param algorithm How requests are counted: token-bucket-greedy, token-bucket-interval,
	 * leaky-bucket or sliding-window.
	 */
	public record Limit(long capacity, Duration period,
			@DefaultValue("token-bucket-greedy") LimitAlgorithm algorithm) {
	}

	/**
	 * The sign-in throttle (always in this instance's memory): backoff per username and client
	 * address, plus a username-wide budget that makes failures costlier when they come from many
	 * addresses. Only an address's own failures ever block it, so an attacker cannot lock the real
	 * user out.
	 *
	 * @param enabled Whether the throttle bean exists.
	 * @param freeAttempts Failures from one address allowed before any delay.
	 * @param baseDelay The first delay, doubled with each further failure from that address.
	 * @param maxDelay The longest one failure blocks its address while the username is within budget.
	 * @param forgetAfter How long after an address's last failure its failures are forgotten.
	 * @param usernameBudget Failures one username takes from all addresses together before each
	 * failure blocks its address for overBudgetDelay.
	 * @param usernameBudgetRefill How often the username budget allows one more failure.
	 * @param overBudgetDelay How long each failure over the username budget blocks its address.
	 * @param maximumUsernames The most username-address pairs, and usernames, tracked at once.
	 */
	public record SignIn(@DefaultValue("true") boolean enabled, @DefaultValue("3") int freeAttempts,
			@DefaultValue("1s") Duration baseDelay, @DefaultValue("30s") Duration maxDelay,
			@DefaultValue("15m") Duration forgetAfter, @DefaultValue("10") int usernameBudget,
			@DefaultValue("1m") Duration usernameBudgetRefill, @DefaultValue("1m") Duration overBudgetDelay,
			@DefaultValue("100000") long maximumUsernames) {
	}
}
