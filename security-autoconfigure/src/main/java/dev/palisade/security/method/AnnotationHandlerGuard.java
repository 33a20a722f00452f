package dev.palisade.security.method;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.palisade.security.web.HandlerMethodGuard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;

/**
 * The guard of a handler method as the URL layer and the access map see it: a Palisade
 * annotation, or {@code @PreAuthorize} when Spring Security's pre-authorize interceptor is
 * registered (an {@code @PreAuthorize} nobody enforces is no guard, so it never lifts the default
 * policy).
 */
public final class AnnotationHandlerGuard implements HandlerMethodGuard {

	private static final SecurityAnnotationScanner<PreAuthorize> PRE_AUTHORIZE = SecurityAnnotationScanners
		.requireUnique(PreAuthorize.class);

	private final PalisadeMethodAuthorizationManager palisade;

	private final BooleanSupplier preAuthorizeEnforced;

	/**
	 * @param palisade the manager that compiles Palisade annotations
	 * @param preAuthorizeEnforced whether {@code @PreAuthorize} is enforced in this application
	 */
	public AnnotationHandlerGuard(PalisadeMethodAuthorizationManager palisade, BooleanSupplier preAuthorizeEnforced) {
		this.palisade = Objects.requireNonNull(palisade, "palisade");
		this.preAuthorizeEnforced = Objects.requireNonNull(preAuthorizeEnforced, "preAuthorizeEnforced");
	}

	@Override
	public String describe(Method method, Class<?> beanType) {
		String own = this.palisade.describe(method, beanType);
		if (own != null) {
			return own;
		}
		if (this.preAuthorizeEnforced.getAsBoolean()) {
			PreAuthorize preAuthorize = PRE_AUTHORIZE.scan(method, beanType);
			if (preAuthorize != null) {
				return "@PreAuthorize(" + preAuthorize.value() + ")";
			}
		}
		return null;
	}
}
