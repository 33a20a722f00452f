package dev.palisade.security.method;

import java.util.Map;

import dev.palisade.security.access.RequiredPermission;
import dev.palisade.security.access.Scope;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One annotated method, compiled at start-up: the permission (bound to the model) or role, and
 * the parsed org/project expressions with the method's parameter names. Immutable.
 */
final class MethodRequirement {

	/** Where Spring MVC keeps the matched path variables (HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE). */
	private static final String PATH_VARIABLES = "org.springframework.web.servlet.HandlerMapping.uriTemplateVariables";

	final RequiredPermission permission;

	final String role;

	private final Expression org;

	private final Expression project;

	private final String[] parameterNames;

	MethodRequirement(RequiredPermission permission, String role, Expression org, Expression project,
			String[] parameterNames) {
		this.permission = permission;
		this.role = role;
		this.org = org;
		this.project = project;
		this.parameterNames = parameterNames;
	}

	/** Whether the resource scope comes from the caller rather than from expressions. */
	boolean usesHomeScope() {
		return this.org == null;
	}

	/**
	 * Evaluates the org and project expressions against one call.
	 * @throws IllegalArgumentException (or a SpEL exception) when they yield no valid identifier
	 */
	Scope target(Object[] arguments) {
		EvaluationContext context = context(arguments);
		String orgId = this.org.getValue(context, String.class);
		if (this.project == null) {
			return Scope.org(orgId);
		}
		return Scope.project(orgId, this.project.getValue(context, String.class));
	}

	private EvaluationContext context(Object[] arguments) {
		SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods().build();
		for (int i = 0; i < arguments.length; i++) {
			context.setVariable("p" + i, arguments[i]);
			context.setVariable("a" + i, arguments[i]);
			if (this.parameterNames != null && i < this.parameterNames.length) {
				context.setVariable(this.parameterNames[i], arguments[i]);
			}
		}
		context.setVariable("pathVariables", pathVariables());
		return context;
	}

	private static Map<?, ?> pathVariables() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object variables = (attributes != null)
				? attributes.getAttribute(PATH_VARIABLES, RequestAttributes.SCOPE_REQUEST) : null;
		return (variables instanceof Map<?, ?> map) ? map : Map.of();
	}

	String describe() {
		StringBuilder text = new StringBuilder((this.permission != null) ? "@RequiresPermission " + this.permission
				: "@RequiresRole " + this.role);
		if (this.org != null) {
			text.append(" at org=").append(this.org.getExpressionString());
		}
		if (this.project != null) {
			text.append(", project=").append(this.project.getExpressionString());
		}
		return text.toString();
	}
}
