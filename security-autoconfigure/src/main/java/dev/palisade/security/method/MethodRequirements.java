package dev.palisade.security.method;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.RequiredPermission;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;
import org.springframework.util.StringUtils;

/**
 * Finds and compiles the Palisade annotation of a method once, then serves it from a cache. The
 * first look-up happens when the AOP proxy is created, so a bad annotation fails start-up.
 * Thread-safe.
 */
final class MethodRequirements {

	private static final Pattern VARIABLE = Pattern.compile("#([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern INDEXED = Pattern.compile("[pa][0-9]+");

	private static final Set<String> BUILT_IN = Set.of("pathVariables", "this", "root");

	private static final Optional<MethodRequirement> NONE = Optional.empty();

	private static final SecurityAnnotationScanner<RequiresPermission> PERMISSIONS = SecurityAnnotationScanners
		.requireUnique(RequiresPermission.class);

	private static final SecurityAnnotationScanner<RequiresRole> ROLES = SecurityAnnotationScanners
		.requireUnique(RequiresRole.class);

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Map<MethodClassKey, Optional<MethodRequirement>> cache = new ConcurrentHashMap<>();

	private final AccessModel model;

	MethodRequirements(AccessModel model) {
		this.model = model;
	}

	/**
	 * Whether a method carries a Palisade annotation, without compiling it and without a model (so
	 * the AOP pointcut can ask while the model's own beans are still being created).
	 */
	static boolean carriesAnnotation(Method method, Class<?> targetClass) {
		Class<?> type = (targetClass != null) ? targetClass : method.getDeclaringClass();
		return PERMISSIONS.scan(method, type) != null || ROLES.scan(method, type) != null;
	}

	/**
	 * The requirement of a method, or {@code null} when it carries no Palisade annotation.
	 * @throws InvalidSecurityAnnotationException if the annotation is invalid
	 */
	MethodRequirement find(Method method, Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Optional<MethodRequirement> cached = this.cache.get(key);
		if (cached == null) {
			cached = compile(method, targetClass);
			this.cache.put(key, cached);
		}
		return cached.orElse(null);
	}

	private Optional<MethodRequirement> compile(Method method, Class<?> targetClass) {
		Class<?> type = (targetClass != null) ? targetClass : method.getDeclaringClass();
		RequiresPermission permission = PERMISSIONS.scan(method, type);
		RequiresRole role = ROLES.scan(method, type);
		if (permission == null && role == null) {
			return NONE;
		}
		Method specific = AopUtils.getMostSpecificMethod(method, type);
		String location = type.getName() + "." + method.getName();
		if (permission != null && role != null) {
			throw new InvalidSecurityAnnotationException(location,
					"carries both @RequiresPermission and @RequiresRole; use one (or @PreAuthorize for combinations)",
					null);
		}
		String[] names = this.parameterNames.getParameterNames(specific);
		String orgText = (permission != null) ? permission.org() : role.org();
		String projectText = (permission != null) ? permission.project() : role.project();
		if (!StringUtils.hasText(orgText) && StringUtils.hasText(projectText)) {
			throw new InvalidSecurityAnnotationException(location, "a project expression also needs an org expression",
					null);
		}
		Expression org = parse(orgText, names, location);
		Expression project = parse(projectText, names, location);
		if (permission != null) {
			RequiredPermission required;
			try {
				required = this.model.require(permission.value());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSecurityAnnotationException(location,
						"@RequiresPermission(\"" + permission.value() + "\") is not a valid permission: " + ex.getMessage(),
						ex);
			}
			return Optional.of(new MethodRequirement(required, null, org, project, names));
		}
		if (this.model.role(role.value()).isEmpty()) {
			throw new InvalidSecurityAnnotationException(location, "@RequiresRole(\"" + role.value()
					+ "\") names a role that palisade.access.roles does not define", null);
		}
		return Optional.of(new MethodRequirement(null, role.value(), org, project, names));
	}

	private Expression parse(String text, String[] names, String location) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		Expression expression;
		try {
			expression = this.parser.parseExpression(text);
		}
		catch (ParseException ex) {
			throw new InvalidSecurityAnnotationException(location, "cannot parse expression '" + text + "'", ex);
		}
		Set<String> known = (names != null) ? new HashSet<>(Arrays.asList(names)) : Set.of();
		Matcher variable = VARIABLE.matcher(text);
		while (variable.find()) {
			String name = variable.group(1);
			if (!known.contains(name) && !BUILT_IN.contains(name) && !INDEXED.matcher(name).matches()) {
				throw new InvalidSecurityAnnotationException(location, "expression '" + text + "' names #" + name
						+ ", which is not a parameter of the method (compile with -parameters, or use #p0, #p1...)",
						null);
			}
		}
		return expression;
	}
}
