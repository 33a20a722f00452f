package dev.palisade.security.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Resolves the handler method through Spring MVC's {@link RequestMappingHandlerMapping}s, the same
 * look-up the {@code DispatcherServlet} makes afterwards. The look-up runs on a wrapper that keeps
 * its own request attributes, so nothing it records (matched pattern, path variables, parsed
 * path) leaks into the real dispatch.
 */
public final class MvcHandlerMethodResolver implements HandlerMethodResolver {

	private final Supplier<List<RequestMappingHandlerMapping>> mappings;

	/** @param mappings supplies the handler mappings (resolved lazily, once the context is refreshed) */
	public MvcHandlerMethodResolver(Supplier<List<RequestMappingHandlerMapping>> mappings) {
		this.mappings = mappings;
	}

	@Override
	public HandlerMethod resolve(HttpServletRequest request) {
		IsolatedRequest isolated = new IsolatedRequest(request);
		ServletRequestPathUtils.parseAndCache(isolated);
		for (RequestMappingHandlerMapping mapping : this.mappings.get()) {
			HandlerExecutionChain chain;
			try {
				chain = mapping.getHandler(isolated);
			}
			catch (Exception ex) {
				// a partial match (wrong method or media type): MVC will answer it, no handler runs
				return null;
			}
			if (chain != null && chain.getHandler() instanceof HandlerMethod handlerMethod) {
				return handlerMethod;
			}
		}
		return null;
	}

	/** Reads through to the request's attributes; writes stay local. */
	private static final class IsolatedRequest extends HttpServletRequestWrapper {

		private static final Object REMOVED = new Object();

		private final Map<String, Object> attributes = new HashMap<>();

		IsolatedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			Object local = this.attributes.get(name);
			if (local == REMOVED) {
				return null;
			}
			return (local != null) ? local : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, (value != null) ? value : REMOVED);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, REMOVED);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			this.attributes.forEach((name, value) -> {
				if (value == REMOVED) {
					names.remove(name);
				}
				else {
					names.add(name);
				}
			});
			return Collections.enumeration(names);
		}
	}
}
