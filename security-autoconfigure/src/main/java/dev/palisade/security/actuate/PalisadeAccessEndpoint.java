package dev.palisade.security.actuate;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.palisade.security.access.DefaultPolicy;
import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.access.url.UrlMatch;
import dev.palisade.security.access.url.UrlRequirement;
import dev.palisade.security.web.HandlerMethodGuard;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access map a reviewer asks for ({@code /actuator/palisadeaccess}): every annotated
 * controller endpoint with what guards it (a public path, a URL rule, an annotation) or
 * {@code DEFAULT} with the default policy, flagged {@code defaultOnly} so uncovered endpoints
 * stand out.
 */
@Endpoint(id = "palisadeaccess")
public final class PalisadeAccessEndpoint {

	/** What guards an endpoint. */
	public enum Guard {

		/** A public path or a rule with {@code access: public}. */
		PUBLIC,

		/** A URL rule from {@code palisade.access.rules}. */
		URL_RULE,

		/** A method-security annotation on the controller method. */
		ANNOTATION,

		/** Nothing but the default policy. */
		DEFAULT

	}

	private final Supplier<List<RequestMappingHandlerMapping>> mappings;

	private final UrlAccessRules rules;

	private final HandlerMethodGuard guard;

	private final DefaultPolicy defaultPolicy;

	/**
	 * @param mappings the handler mappings to list
	 * @param rules the URL rules and public paths
	 * @param guard what tells annotated methods apart
	 * @param defaultPolicy the policy for uncovered endpoints
	 */
	public PalisadeAccessEndpoint(Supplier<List<RequestMappingHandlerMapping>> mappings, UrlAccessRules rules,
			HandlerMethodGuard guard, DefaultPolicy defaultPolicy) {
		this.mappings = mappings;
		this.rules = rules;
		this.guard = guard;
		this.defaultPolicy = defaultPolicy;
	}

	/** The access map. */
	@ReadOperation
	public AccessMap accessMap() {
		List<EndpointAccess> endpoints = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : this.mappings.get()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				HandlerMethod handler = entry.getValue();
				Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
				for (String pattern : entry.getKey().getPatternValues()) {
					if (methods.isEmpty()) {
						endpoints.add(describe("*", null, pattern, handler));
					}
					for (RequestMethod method : methods) {
						endpoints.add(describe(method.name(), method.name(), pattern, handler));
					}
				}
			}
		}
		endpoints.sort(Comparator.comparing(EndpointAccess::pattern).thenComparing(EndpointAccess::method));
		return new AccessMap(this.defaultPolicy.name(), this.rules.describe(), endpoints);
	}

	private EndpointAccess describe(String shownMethod, String method, String pattern, HandlerMethod handler) {
		Method javaMethod = handler.getMethod();
		String handlerName = handler.getBeanType().getName() + "#" + javaMethod.getName();
		String annotation = this.guard.describe(javaMethod, handler.getBeanType());
		Optional<UrlMatch> match = match(method, pattern);
		if (match.isPresent()) {
			UrlMatch m = match.get();
			String rule = ((m.method() != null) ? m.method() : "*") + " " + m.pattern() + " -> " + m.requirement();
			Guard kind = (m.requirement().kind() == UrlRequirement.Kind.PUBLIC) ? Guard.PUBLIC : Guard.URL_RULE;
			return new EndpointAccess(shownMethod, pattern, handlerName, kind, rule, annotation, false);
		}
		if (annotation != null) {
			return new EndpointAccess(shownMethod, pattern, handlerName, Guard.ANNOTATION, null, annotation, false);
		}
		return new EndpointAccess(shownMethod, pattern, handlerName, Guard.DEFAULT,
				"default policy " + this.defaultPolicy.name().toLowerCase(java.util.Locale.ROOT), null, true);
	}

	/** Matches the mapping's pattern as if it were a request path; variables stand for any segment. */
	private Optional<UrlMatch> match(String method, String pattern) {
		String path = pattern.replaceAll("\\{[^/]*\\}", "{var}");
		try {
			return this.rules.match(method, path.isEmpty() ? "/" : path);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The access map.
	 *
	 * @param defaultPolicy the policy for endpoints nothing else covers
	 * @param rules the URL rules and public paths, in declaration order
	 * @param endpoints every mapped endpoint with its guard
	 */
	public record AccessMap(String defaultPolicy, List<String> rules, List<EndpointAccess> endpoints) {
	}

	/**
	 * One endpoint.
	 *
	 * @param method the HTTP method, or {@code *} for every method
	 * @param pattern the mapped path pattern
	 * @param handler the controller method
	 * @param guard what guards it
	 * @param rule the URL rule or public path that matches it, or the default policy
	 * @param annotation its method-security annotation, if any
	 * @param defaultOnly whether only the default policy guards it
	 */
	public record EndpointAccess(String method, String pattern, String handler, Guard guard, String rule,
			String annotation, boolean defaultOnly) {
	}
}
