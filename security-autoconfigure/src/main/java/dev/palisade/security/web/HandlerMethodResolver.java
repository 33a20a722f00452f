package dev.palisade.security.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;

/** Finds the controller method that will handle a request, before it is dispatched. */
@FunctionalInterface
public interface HandlerMethodResolver {

	/** A resolver that never finds a handler method (no Spring MVC). */
	HandlerMethodResolver NONE = (request) -> null;

	/** The handler method, or {@code null} when none (or no annotated controller) handles the request. */
	HandlerMethod resolve(HttpServletRequest request);
}
