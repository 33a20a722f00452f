package dev.palisade.security.autoconfigure.ratelimit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.RateLimitPolicy;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Turns the configured policies into core policies, refusing bad ones at start-up with the property to fix. */
final class RateLimitPolicies {

	private RateLimitPolicies() {
	}

	/** The pre-authentication policies; they may not restrict caller kinds or plans (there is no caller yet). */
	static List<RateLimitPolicy> preAuthentication(PalisadeRateLimitProperties properties) {
		checkUniqueNames(properties);
		List<RateLimitPolicy> policies = new ArrayList<>();
		List<PalisadeRateLimitProperties.Policy> configured = properties.preAuthPolicies();
		for (int i = 0; i < configured.size(); i++) {
			PalisadeRateLimitProperties.Policy policy = configured.get(i);
			String property = "palisade.rate-limit.pre-auth-policies[" + i + "]";
			if (!policy.callerKinds().isEmpty() || !policy.plans().isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(property, policy.name(),
						"Pre-authentication policies run before the caller is known: move caller-kinds and plans "
								+ "to a policy under palisade.rate-limit.policies");
			}
			policies.add(build(policy, property));
		}
		return policies;
	}

	/** The post-authentication policies. */
	static List<RateLimitPolicy> postAuthentication(PalisadeRateLimitProperties properties) {
		checkUniqueNames(properties);
		List<RateLimitPolicy> policies = new ArrayList<>();
		List<PalisadeRateLimitProperties.Policy> configured = properties.policies();
		for (int i = 0; i < configured.size(); i++) {
			policies.add(build(configured.get(i), "palisade.rate-limit.policies[" + i + "]"));
		}
		return policies;
	}

	/** Both limiters may share one backend, whose bucket keys start with the policy name. */
	private static void checkUniqueNames(PalisadeRateLimitProperties properties) {
		Set<String> names = new HashSet<>();
		List<PalisadeRateLimitProperties.Policy> all = new ArrayList<>(properties.preAuthPolicies());
		all.addAll(properties.policies());
		for (PalisadeRateLimitProperties.Policy policy : all) {
			if (policy.name() != null && !names.add(policy.name())) {
				throw new InvalidConfigurationPropertyValueException("palisade.rate-limit.policies", policy.name(),
						"Two rate-limit policies share this name (they would share buckets); give each a unique name");
			}
		}
	}

	private static RateLimitPolicy build(PalisadeRateLimitProperties.Policy policy, String property) {
		try {
			RateLimitPolicy.Builder builder = RateLimitPolicy.builder(policy.name())
				.paths(policy.paths())
				.methods(policy.methods().toArray(String[]::new))
				.callerKinds(policy.callerKinds().toArray(PrincipalKind[]::new))
				.plans(policy.plans().toArray(String[]::new))
				.keyBy(policy.keyBy());
			for (PalisadeRateLimitProperties.Limit limit : policy.limits()) {
				builder.limit(limit.capacity(), limit.period(), limit.algorithm());
			}
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, policy.name(), ex.getMessage());
		}
	}
}
