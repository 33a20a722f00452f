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
 * @param enabled whether rate limiting is configured at all
 * @param backend where buckets live: {@code local} (this instance) or {@code redis} (shared by all
 * instances)
 * @param redis the Redis backend
 * @param timeBudget the longest a decision may wait for the backend before the failure mode answers;
 * with Redis it also bounds each step of opening a connection (TCP connect, then handshake); a request
 * never waits for a connection attempt, and start-up waits for the first attempt only
 * @param failureMode what to answer when the backend cannot decide in time: {@code fail-open} lets the
 * request through, {@code fail-closed} refuses it with 429
 * @param failClosedRetryAfter the {@code Retry-After} of a fail-closed refusal
 * @param maximumLocalKeys the most callers the local backend tracks at once; callers idle for a
 * sweep interval (10 s) are dropped once their limits have recovered, and beyond this bound the
 * least valuable are evicted, which resets their buckets
 * @param trustedProxies CIDR blocks of the reverse proxies whose forwarding header is believed; empty
 * means the socket peer is always the client
 * @param proxyHeader the forwarding header those proxies write: {@code x-forwarded-for} or
 * {@code forwarded}
 * @param planClaim the token claim that carries the caller's plan; an API key's plan is the key's own
 * (set when it is created, or {@code plan} of a declared key)
 * @param ietfHeaders whether to add the IETF {@code RateLimit-Policy} and {@code RateLimit} fields
 * @param preAuthPolicies policies checked before authentication, keyed by client address (callers
 * have no principal yet, so caller kinds and plans cannot be used); the first match applies
 * @param policies policies checked after authentication; the first match applies
 * @param signIn the sign-in throttle (per username and client address)
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
	 * @param uri the Redis URI, for example {@code redis://localhost:6379} or
	 * {@code rediss://:password@host:6380/0}
	 * @param keyPrefix the prefix of every bucket key
	 */
	public record Redis(@DefaultValue("redis://localhost:6379") String uri,
			@DefaultValue("palisade:rl:") String keyPrefix) {

		@Override
		public String toString() {
			return "Redis[keyPrefix=" + this.keyPrefix + "]"; // the URI may hold a password
		}
	}

	/**
	 * One policy.
	 *
	 * @param name the policy name (letters, digits, '.', '_', '-'), unique across both lists; it is a
	 * metric tag and part of the bucket keys
	 * @param paths Ant-style path patterns; none means every path
	 * @param methods HTTP methods; none means every method
	 * @param callerKinds caller kinds (user, service, api-key, client-cert); none means every caller,
	 * anonymous ones included
	 * @param plans plans; none means every plan, requests without one included
	 * @param keyBy what buckets are keyed by: api-key, subject, org or client-ip (the fallback when the
	 * request lacks the preferred identity)
	 * @param limits the limits, all of which a request must pass (for example 20 per second and 10000
	 * per day)
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
	 * @param capacity requests allowed per period (and the largest burst)
	 * @param period the length of the period
	 * @param algorithm how requests are counted: token-bucket-greedy, token-bucket-interval,
	 * leaky-bucket or sliding-window
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
	 * @param enabled whether the throttle bean exists
	 * @param freeAttempts failures from one address allowed before any delay
	 * @param baseDelay the first delay, doubled with each further failure from that address
	 * @param maxDelay the longest one failure blocks its address while the username is within budget
	 * @param forgetAfter how long after an address's last failure its failures are forgotten
	 * @param usernameBudget failures one username takes from all addresses together before each
	 * failure blocks its address for {@code overBudgetDelay}
	 * @param usernameBudgetRefill how often the username budget allows one more failure
	 * @param overBudgetDelay how long each failure over the username budget blocks its address
	 * @param maximumUsernames the most username-address pairs, and usernames, tracked at once
	 */
	public record SignIn(@DefaultValue("true") boolean enabled, @DefaultValue("3") int freeAttempts,
			@DefaultValue("1s") Duration baseDelay, @DefaultValue("30s") Duration maxDelay,
			@DefaultValue("15m") Duration forgetAfter, @DefaultValue("10") int usernameBudget,
			@DefaultValue("1m") Duration usernameBudgetRefill, @DefaultValue("1m") Duration overBudgetDelay,
			@DefaultValue("100000") long maximumUsernames) {
	}
}
