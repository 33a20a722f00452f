package dev.palisade.security.web;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Refuses a request with more than one {@code Authorization} header before the delegate reads
 * the first: when a proxy and the application could each pick a different one, neither should
 * (RFC 6750 section 2: one method, one credential). Spring's {@code DefaultBearerTokenResolver}
 * reads only the first header and ignores the rest.
 */
final class SingleAuthorizationHeaderBearerTokenResolver implements BearerTokenResolver {

	private final BearerTokenResolver delegate;

	SingleAuthorizationHeaderBearerTokenResolver(BearerTokenResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public String resolve(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers != null && headers.hasMoreElements()) {
			headers.nextElement();
			if (headers.hasMoreElements()) {
				throw new OAuth2AuthenticationException(
						BearerTokenErrors.invalidRequest("Found multiple Authorization headers in the request"));
			}
		}
		return this.delegate.resolve(request);
	}
}
