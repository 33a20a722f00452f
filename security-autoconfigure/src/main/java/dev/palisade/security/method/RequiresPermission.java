package dev.palisade.security.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold a permission, checked by Palisade's access model before the method runs.
 *
 * <pre class="code">
 * &#64;PostMapping("/orgs/{org}/projects/{project}/agents")
 * &#64;RequiresPermission(value = "agents:write", org = "#org", project = "#project")
 * Agent create(&#64;PathVariable String org, &#64;PathVariable String project, ...)
 * </pre>
 *
 * <p>{@link #org()} and {@link #project()} are SpEL expressions over the method arguments
 * ({@code #org}, {@code #p0}, {@code #agent.org()}) and the request's path variables
 * ({@code #pathVariables['org']}); they name where the resource lives. Without them the resource
 * is taken to live in the caller's own tenant (its org and project, or the platform for a caller
 * with none). Usable on methods and types, and as a meta-annotation. Works beside
 * {@code @PreAuthorize}. An invalid permission fails start-up.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPermission {

	/** The required permission, {@code resource:action} without wildcards. */
	String value();

	/** SpEL for the resource's org; empty for the caller's own tenant. */
	String org() default "";

	/** SpEL for the resource's project within {@link #org()}; empty for an org-level resource. */
	String project() default "";

}
