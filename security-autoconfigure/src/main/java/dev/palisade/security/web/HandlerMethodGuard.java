package dev.palisade.security.web;

import java.lang.reflect.Method;

/**
 * Tells whether a handler method is guarded by an enforced method-security annotation
 * ({@code @RequiresPermission}, {@code @RequiresRole}, {@code @PreAuthorize}), so the URL layer
 * lets it through to that annotation instead of applying the default policy.
 */
@FunctionalInterface
public interface HandlerMethodGuard {

	/** A guard that sees no annotation anywhere. */
	HandlerMethodGuard NONE = (method, beanType) -> null;

	/**
	 * Describes the guard of a method, or returns {@code null} when it has none that is enforced.
	 * @param method the handler method
	 * @param beanType the user class of the controller
	 */
	String describe(Method method, Class<?> beanType);
}
