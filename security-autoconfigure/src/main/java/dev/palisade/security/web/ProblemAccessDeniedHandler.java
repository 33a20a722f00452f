package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated caller who may not do what it asked with 403 and an RFC 9457 body,
 * plus the RFC 6750 {@code insufficient_scope} challenge.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final String realm;

	public ProblemAccessDeniedHandler(String realm) {
		this.realm = realm;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"" + this.realm + "\", error=\"insufficient_scope\"");
		ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				"You are not allowed to perform this action.", Map.of());
	}
}
