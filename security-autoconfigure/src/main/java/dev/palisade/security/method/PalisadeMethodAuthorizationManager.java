package dev.palisade.security.method;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Supplier;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessDecision;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.ReasonCode;
import dev.palisade.security.access.Scope;
import dev.palisade.security.web.AccessSubjects;
import dev.palisade.security.web.CrossTenantStatus;
import dev.palisade.security.web.PalisadeAuthorizationDecision;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.expression.EvaluationException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;

/**
 * Decides {@link RequiresPermission} and {@link RequiresRole} with Palisade's
 * {@link AccessDecider}: the annotation is compiled once per method (permission bound to the
 * model, expressions parsed), the org/project expressions are evaluated once per call, and the
 * caller becomes an {@link AccessSubject}. A denial is a {@link PalisadeAuthorizationDecision},
 * which Spring Security raises as {@code AuthorizationDeniedException}; an expression that yields
 * no valid org or project denies. Thread-safe.
 *
 * <p>Register it with {@link #interceptor()}, an advisor that runs right after
 * {@code @PreAuthorize}'s, so both annotations can sit on one method.
 */
public final class PalisadeMethodAuthorizationManager implements AuthorizationManager<MethodInvocation> {

	private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

	private final AccessDecider decider;

	private final CrossTenantStatus crossTenantStatus;

	private final String platformRolePrefix;

	private final MethodRequirements requirements;

	/**
	 * @param decider the decider (and through it the model that validates annotations)
	 * @param crossTenantStatus how denials across tenants are answered
	 * @param platformRolePrefix role names with this prefix are platform roles
	 */
	public PalisadeMethodAuthorizationManager(AccessDecider decider, CrossTenantStatus crossTenantStatus,
			String platformRolePrefix) {
		this.decider = Objects.requireNonNull(decider, "decider");
		this.crossTenantStatus = Objects.requireNonNull(crossTenantStatus, "crossTenantStatus");
		this.platformRolePrefix = Objects.requireNonNull(platformRolePrefix, "platformRolePrefix");
		this.requirements = new MethodRequirements(decider.model());
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			MethodInvocation invocation) {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		MethodRequirement requirement = this.requirements.find(invocation.getMethod(), targetClass);
		if (requirement == null) {
			return DENY; // only reached if the pointcut matched: never grant without a requirement
		}
		Authentication caller = authentication.get();
		AccessSubject subject = AccessSubjects.of(caller, this.platformRolePrefix);
		if (subject == null) {
			return PalisadeAuthorizationDecision.of(AccessDecision.of(ReasonCode.DENIED_UNAUTHENTICATED),
					this.crossTenantStatus);
		}
		Scope scope;
		try {
			scope = requirement.usesHomeScope() ? AccessSubjects.homeScope(caller)
					: requirement.target(invocation.getArguments());
		}
		catch (IllegalArgumentException | EvaluationException ex) {
			return DENY;
		}
		AccessDecision decision = (requirement.permission != null)
				? this.decider.decide(subject, requirement.permission, scope)
				: this.decider.decideRole(subject, requirement.role, scope);
		return PalisadeAuthorizationDecision.of(decision, this.crossTenantStatus);
	}

	/**
	 * Whether a method carries a Palisade annotation, compiling it on first use.
	 * @throws InvalidSecurityAnnotationException if the annotation is invalid
	 */
	public boolean isAnnotated(Method method, Class<?> targetClass) {
		return this.requirements.find(method, targetClass) != null;
	}

	/**
	 * A text such as {@code @RequiresPermission agents:write at org=#org, project=#project}, or
	 * {@code null} when the method carries no Palisade annotation.
	 */
	public String describe(Method method, Class<?> targetClass) {
		MethodRequirement requirement = this.requirements.find(method, targetClass);
		return (requirement != null) ? requirement.describe() : null;
	}

	/** Matches methods (and methods of types) carrying a Palisade annotation, validating it. */
	public Pointcut pointcut() {
		return pointcut(() -> this);
	}

	/** The advisor to publish as an infrastructure bean, ordered just after {@code @PreAuthorize}. */
	public AuthorizationManagerBeforeMethodInterceptor interceptor() {
		return interceptor(() -> this);
	}

	/**
	 * The advisor, resolving the manager only when first needed: advisors are created while other
	 * beans are still being post-processed, so an auto-configuration publishes this form.
	 */
	public static AuthorizationManagerBeforeMethodInterceptor interceptor(
			Supplier<PalisadeMethodAuthorizationManager> manager) {
		AuthorizationManager<MethodInvocation> lazy = (authentication, invocation) -> manager.get()
			.authorize(authentication, invocation);
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
				pointcut(manager), lazy);
		interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
		return interceptor;
	}

	private static Pointcut pointcut(Supplier<PalisadeMethodAuthorizationManager> manager) {
		return new StaticMethodMatcherPointcut() {
			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return MethodRequirements.carriesAnnotation(method, targetClass)
						&& manager.get().isAnnotated(method, targetClass);
			}
		};
	}
}
