package dev.palisade.security.autoconfigure.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.access.url.UrlRequirement;
import dev.palisade.security.autoconfigure.access.PalisadeAccessProperties.Rule;

import org.springframework.util.StringUtils;

/**
 * Compiles {@code palisade.access} into the core's {@link AccessModel} and {@link UrlAccessRules},
 * turning every core validation error into an {@link InvalidAccessConfigurationException} that
 * names the property to fix.
 */
final class AccessConfigurationCompiler {

	static final String PREFIX = "palisade.access";

	private AccessConfigurationCompiler() {
	}

	static AccessModel model(PalisadeAccessProperties properties) {
		if (!StringUtils.hasText(properties.platformRolePrefix())) {
			throw new InvalidAccessConfigurationException(PREFIX + ".platform-role-prefix", "must not be empty", null);
		}
		AccessModel.Builder builder = AccessModel.builder();
		for (Map.Entry<String, List<String>> role : properties.effectiveRoles().entrySet()) {
			try {
				builder.role(role.getKey(), role.getValue());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAccessConfigurationException(PREFIX + ".roles[" + role.getKey() + "]", ex.getMessage(),
						ex);
			}
		}
		List<String> hierarchy = properties.hierarchy();
		for (int i = 0; i < hierarchy.size(); i++) {
			try {
				builder.hierarchy(hierarchy.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAccessConfigurationException(PREFIX + ".hierarchy[" + i + "]", ex.getMessage(), ex);
			}
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAccessConfigurationException(PREFIX + ".hierarchy", ex.getMessage(), ex);
		}
	}

	/**
	 * @param alwaysPublic paths Palisade itself serves publicly ({@code /error}, the JWK Set, the token endpoint)
	 * @param alwaysAuthenticated paths Palisade itself serves to any authenticated caller (sign-out
	 * everywhere), added after the application's own rules so that those can narrow them
	 */
	static UrlAccessRules rules(PalisadeAccessProperties properties, AccessModel model, List<String> alwaysPublic,
			List<String> alwaysAuthenticated) {
		UrlAccessRules.Builder builder = UrlAccessRules.builder();
		Set<String> publicPaths = new LinkedHashSet<>();
		List<String> configured = properties.publicPaths();
		for (int i = 0; i < configured.size(); i++) {
			String path = configured.get(i);
			if (publicPaths.contains(path)) {
				continue;
			}
			try {
				builder.publicPaths(path);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAccessConfigurationException(PREFIX + ".public-paths[" + i + "]", ex.getMessage(), ex);
			}
			publicPaths.add(path);
		}
		for (String path : alwaysPublic) {
			if (publicPaths.add(path)) {
				builder.publicPaths(path);
			}
		}
		List<Rule> rules = properties.rules();
		for (int i = 0; i < rules.size(); i++) {
			String property = PREFIX + ".rules[" + i + "]";
			Rule rule = rules.get(i);
			try {
				String method = StringUtils.hasText(rule.method()) ? rule.method().strip().toUpperCase(Locale.ROOT) : null;
				builder.rule(method, rule.pattern(), requirement(rule, model, property));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAccessConfigurationException(property, ex.getMessage(), ex);
			}
		}
		for (String path : alwaysAuthenticated) {
			builder.rule(null, path, UrlRequirement.authenticated());
		}
		return builder.build();
	}

	private static UrlRequirement requirement(Rule rule, AccessModel model, String property) {
		int set = (StringUtils.hasText(rule.permission()) ? 1 : 0) + (StringUtils.hasText(rule.role()) ? 1 : 0)
				+ ((rule.access() != null) ? 1 : 0);
		if (set != 1) {
			throw new InvalidAccessConfigurationException(property,
					"a rule needs exactly one of 'permission', 'role' or 'access'", null);
		}
		if (!StringUtils.hasText(rule.pattern())) {
			throw new InvalidAccessConfigurationException(property, "a rule needs a 'pattern'", null);
		}
		if (StringUtils.hasText(rule.permission())) {
			return UrlRequirement.permission(model.require(rule.permission()));
		}
		if (StringUtils.hasText(rule.role())) {
			if (model.role(rule.role()).isEmpty()) {
				throw new InvalidAccessConfigurationException(property,
						"role '" + rule.role() + "' is not defined in palisade.access.roles", null);
			}
			return UrlRequirement.role(rule.role());
		}
		return switch (rule.access()) {
			case PUBLIC -> UrlRequirement.publicAccess();
			case AUTHENTICATED -> UrlRequirement.authenticated();
			case DENY -> UrlRequirement.denyAll();
		};
	}
}
