package dev.palisade.security.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.palisade.security.access.url.UrlPattern;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * A named set of limits and the requests they apply to. A request matches when its path
 * matches any path pattern, its method is listed, its caller kind is listed and its plan is
 * listed; an empty criterion matches everything (an empty caller-kind set also matches
 * anonymous requests). Patterns are compiled when the policy is built. Build with
 * {@link #builder(String)}.
 */
public final class RateLimitPolicy {

	private final String name;

	private final UrlPattern[] paths;

	private final Set<String> methods;

	private final Set<PrincipalKind> callerKinds;

	private final Set<String> plans;

	private final KeyStrategy keyStrategy;

	private final List<LimitDefinition> limits;

	private RateLimitPolicy(Builder builder) {
		this.name = builder.name;
		this.paths = builder.paths.stream().map(UrlPattern::parse).toArray(UrlPattern[]::new);
		Set<String> methods = new LinkedHashSet<>(builder.methods);
		if (methods.contains("GET")) {
			// a HEAD request runs the GET handler, so it spends the GET budget
			methods.add("HEAD");
		}
		this.methods = Set.copyOf(methods);
		this.callerKinds = builder.callerKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(builder.callerKinds));
		this.plans = Set.copyOf(builder.plans);
		this.keyStrategy = builder.keyStrategy;
		this.limits = List.copyOf(builder.limits);
	}

	/**
	 * Starts a policy. The name becomes part of bucket keys and metric tags, so it is restricted
	 * to letters, digits, {@code .}, {@code _} and {@code -}.
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Whether this policy applies to {@code request}. Paths follow the grammar of the access rules
	 * ({@link UrlPattern}).
	 * @throws dev.palisade.security.access.url.InvalidRequestPathException for a request path the
	 * access rules would refuse too (a dot segment, {@code ;}, {@code %}...)
	 */
	public boolean matches(RateLimitRequest request) {
		if (!this.methods.isEmpty() && !this.methods.contains(request.method().toUpperCase(Locale.ROOT))) {
			return false;
		}
		if (!this.callerKinds.isEmpty()
				&& (request.principal() == null || !this.callerKinds.contains(request.principal().kind()))) {
			return false;
		}
		if (!this.plans.isEmpty() && (request.plan() == null || !this.plans.contains(request.plan()))) {
			return false;
		}
		if (this.paths.length == 0) {
			return true;
		}
		for (UrlPattern path : this.paths) {
			if (path.matches(request.path())) {
				return true;
			}
		}
		return false;
	}

	/** The key of the caller's buckets, falling back as {@link KeyStrategy} describes. */
	public BucketKey bucketKey(RateLimitRequest request) {
		PalisadePrincipal principal = request.principal();
		if (principal != null) {
			switch (this.keyStrategy) {
				case API_KEY -> {
					if (principal.kind() == PrincipalKind.API_KEY) {
						return new BucketKey(this.name, KeyStrategy.API_KEY, principal.subject());
					}
				}
				case SUBJECT -> {
					return new BucketKey(this.name, KeyStrategy.SUBJECT, principal.subject());
				}
				case ORG -> {
					return (principal.org() != null) ? new BucketKey(this.name, KeyStrategy.ORG, principal.org())
							: new BucketKey(this.name, KeyStrategy.SUBJECT, principal.subject());
				}
				case CLIENT_IP -> {
					// fall through to the IP key below
				}
			}
		}
		return new BucketKey(this.name, KeyStrategy.CLIENT_IP, ipKey(request.clientIp()));
	}

	/**
	 * IPv4 addresses as they are; IPv6 addresses by their /64 network, because one subscriber
	 * normally holds a whole /64 and could otherwise rotate through fresh buckets.
	 */
	static String ipKey(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			for (int i = 8; i < 16; i++) {
				bytes[i] = 0;
			}
			try {
				// getByAddress never performs a lookup
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("16 bytes are always a valid IPv6 address", ex);
			}
		}
		return address.getHostAddress();
	}

	/** The policy name. */
	public String name() {
		return this.name;
	}

	/** What the buckets are keyed by. */
	public KeyStrategy keyStrategy() {
		return this.keyStrategy;
	}

	/** The limits, all of which a request must pass. */
	public List<LimitDefinition> limits() {
		return this.limits;
	}

	@Override
	public String toString() {
		return "RateLimitPolicy[" + this.name + ", paths=" + java.util.Arrays.toString(this.paths) + ", methods=" + this.methods + ", kinds="
				+ this.callerKinds + ", plans=" + this.plans + ", key=" + this.keyStrategy + ", limits=" + this.limits
				+ "]";
	}

	/** Builds a {@link RateLimitPolicy}; every setter adds to what was set before. */
	public static final class Builder {

		private final String name;

		private final List<String> paths = new ArrayList<>();

		private final Set<String> methods = new LinkedHashSet<>();

		private final Set<PrincipalKind> callerKinds = new LinkedHashSet<>();

		private final Set<String> plans = new LinkedHashSet<>();

		private KeyStrategy keyStrategy = KeyStrategy.CLIENT_IP;

		private final List<LimitDefinition> limits = new ArrayList<>();

		private Builder(String name) {
			if (name == null || name.isEmpty() || name.length() > 64) {
				throw new IllegalArgumentException("A rate-limit policy needs a name of 1 to 64 characters");
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
						|| c == '_' || c == '-';
				if (!ok) {
					throw new IllegalArgumentException(
							"A rate-limit policy name may contain only letters, digits, '.', '_' and '-'");
				}
			}
			this.name = name;
		}

		/** Ant-style path patterns ({@code /api/**}, {@code /api/agents/{id}}); none means every path. */
		public Builder paths(String... patterns) {
			return paths(List.of(patterns));
		}

		/** Ant-style path patterns; none means every path. */
		public Builder paths(Collection<String> patterns) {
			this.paths.addAll(patterns);
			return this;
		}

		/** HTTP methods (case-insensitive; {@code GET} covers {@code HEAD}); none means every method. */
		public Builder methods(String... methods) {
			for (String method : methods) {
				this.methods.add(method.toUpperCase(Locale.ROOT));
			}
			return this;
		}

		/** Caller kinds; none means every caller, including anonymous ones. */
		public Builder callerKinds(PrincipalKind... kinds) {
			this.callerKinds.addAll(List.of(kinds));
			return this;
		}

		/** Plans; none means every plan, including requests without one. */
		public Builder plans(String... plans) {
			this.plans.addAll(List.of(plans));
			return this;
		}

		/** What buckets are keyed by; {@link KeyStrategy#CLIENT_IP} by default. */
		public Builder keyBy(KeyStrategy strategy) {
			if (strategy == null) {
				throw new IllegalArgumentException("A key strategy must not be null");
			}
			this.keyStrategy = strategy;
			return this;
		}

		/** Adds a limit; a policy may hold several (for example 20 per second and 10,000 per day). */
		public Builder limit(LimitDefinition limit) {
			if (limit == null) {
				throw new IllegalArgumentException("A limit must not be null");
			}
			this.limits.add(limit);
			return this;
		}

		/** Adds a limit of {@code capacity} per {@code period} counted with {@code algorithm}. */
		public Builder limit(long capacity, java.time.Duration period, LimitAlgorithm algorithm) {
			return limit(new LimitDefinition(capacity, period, algorithm));
		}

		/**
		 * Builds the policy, compiling its path patterns.
		 * @throws IllegalArgumentException if it has no limit or a pattern is invalid
		 */
		public RateLimitPolicy build() {
			if (this.limits.isEmpty()) {
				throw new IllegalArgumentException("Rate-limit policy '" + this.name + "' needs at least one limit");
			}
			return new RateLimitPolicy(this);
		}
	}
}
