package dev.palisade.security.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold a role, or a role that inherits it, at a scope that reaches the resource.
 * {@link #org()} and {@link #project()} work as in {@link RequiresPermission}. A role the access
 * model does not define fails start-up.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresRole {

	/** The required role, for example {@code org:admin}. */
	String value();

	/** SpEL for the resource's org; empty for the caller's own tenant. */
	String org() default "";

	/** SpEL for the resource's project within {@link #org()}; empty for an org-level resource. */
	String project() default "";

}
