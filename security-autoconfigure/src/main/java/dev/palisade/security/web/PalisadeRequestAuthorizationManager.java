package dev.palisade.security.web;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessDecision;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.DefaultPolicy;
import dev.palisade.security.access.ReasonCode;
import dev.palisade.security.access.RequiredPermission;
import dev.palisade.security.access.Scope;
import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.access.url.UrlMatch;
import dev.palisade.security.access.url.UrlAuthorizer;

import org.springframework.core.MethodClassKey;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.UrlPathHelper;

/**
 * Palisade's URL layer as a Spring Security {@link AuthorizationManager}: the most specific
 * {@code palisade.access.rules} entry or public path decides; when none matches, an endpoint whose
 * controller method carries an enforced annotation ({@code @RequiresPermission},
 * {@code @RequiresRole}, {@code @PreAuthorize}) needs only an authenticated caller here (its
 * annotation decides next), and any other endpoint gets the default policy. Use it in a chain of
 * your own with {@code anyRequest().access(palisadeAccess)}. Thread-safe.
 *
 * <p>A path that cannot be matched safely (too many segments, characters the firewall should have
 * refused) is rejected with {@link RequestRejectedException}, which Spring Security answers 400.
 */
public final class PalisadeRequestAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private final UrlAuthorizer authorizer;

	private final AccessDecider decider;

	private final DefaultPolicy defaultPolicy;

	private final CrossTenantStatus crossTenantStatus;

	private final String platformRolePrefix;

	private final HandlerMethodResolver handlers;

	private final HandlerMethodGuard guard;

	private final Map<MethodClassKey, Boolean> guarded = new ConcurrentHashMap<>();

	private final UrlPathHelper paths;

	/**
	 * @param rules compiled URL rules and public paths
	 * @param decider the access decider
	 * @param defaultPolicy the policy for endpoints with neither a rule nor an annotation
	 * @param crossTenantStatus how denials across tenants are answered
	 * @param platformRolePrefix role names with this prefix are platform roles
	 * @param handlers finds the controller method of a request
	 * @param guard tells which controller methods carry an enforced annotation
	 */
	public PalisadeRequestAuthorizationManager(UrlAccessRules rules, AccessDecider decider, DefaultPolicy defaultPolicy,
			CrossTenantStatus crossTenantStatus, String platformRolePrefix, HandlerMethodResolver handlers,
			HandlerMethodGuard guard) {
		this.decider = Objects.requireNonNull(decider, "decider");
		this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
		this.authorizer = new UrlAuthorizer(rules, decider, defaultPolicy);
		this.crossTenantStatus = Objects.requireNonNull(crossTenantStatus, "crossTenantStatus");
		this.platformRolePrefix = Objects.requireNonNull(platformRolePrefix, "platformRolePrefix");
		this.handlers = Objects.requireNonNull(handlers, "handlers");
		this.guard = Objects.requireNonNull(guard, "guard");
		this.paths = new UrlPathHelper();
		this.paths.setRemoveSemicolonContent(false); // a ';' reaches the rules, which refuse it
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		HttpServletRequest request = context.getRequest();
		AccessSubject subject = AccessSubjects.of(authentication.get(), this.platformRolePrefix);
		Optional<UrlMatch> match;
		try {
			match = this.authorizer.match(request.getMethod(), this.paths.getPathWithinApplication(request));
		}
		catch (IllegalArgumentException ex) {
			throw new RequestRejectedException("The request path cannot be authorized");
		}
		return PalisadeAuthorizationDecision.of(decide(request, subject, match), this.crossTenantStatus);
	}

	private AccessDecision decide(HttpServletRequest request, AccessSubject subject, Optional<UrlMatch> match) {
		// a rule decides as UrlAuthorizer does; an endpoint no rule covers is left to its annotation
		return this.authorizer.decide(match, subject, () -> {
			if (isGuarded(request)) {
				return AccessDecision
					.of((subject != null) ? ReasonCode.ALLOWED_AUTHENTICATED : ReasonCode.DENIED_UNAUTHENTICATED);
			}
			return this.defaultPolicy.decide(subject != null);
		});
	}

	/**
	 * A manager that requires {@code permission} at the platform scope (a platform role that grants
	 * it, such as {@code platform:admin}), for operational endpoints that belong to no tenant.
	 * @throws IllegalArgumentException if the permission is invalid
	 */
	public AuthorizationManager<RequestAuthorizationContext> platformPermission(String permission) {
		RequiredPermission required = this.decider.model().require(permission);
		return (authentication, context) -> {
			AccessSubject subject = AccessSubjects.of(authentication.get(), this.platformRolePrefix);
			AccessDecision decision = (subject != null) ? this.decider.decide(subject, required, Scope.platform())
					: AccessDecision.of(ReasonCode.DENIED_UNAUTHENTICATED);
			return PalisadeAuthorizationDecision.of(decision, CrossTenantStatus.FORBIDDEN);
		};
	}

	private boolean isGuarded(HttpServletRequest request) {
		HandlerMethod handler = this.handlers.resolve(request);
		if (handler == null) {
			return false;
		}
		Method method = handler.getMethod();
		Class<?> beanType = handler.getBeanType();
		return this.guarded.computeIfAbsent(new MethodClassKey(method, beanType),
				(key) -> isProxyable(method) && this.guard.describe(method, beanType) != null);
	}

	/** A final, private or static method escapes the AOP proxy, so its annotation would never run. */
	static boolean isProxyable(Method method) {
		int modifiers = method.getModifiers();
		return !Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers);
	}
}
