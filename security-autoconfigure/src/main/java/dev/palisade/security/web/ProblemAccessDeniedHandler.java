package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated caller who may not do what it asked with 403 and an RFC 9457 body,
 * plus the RFC 6750 {@code insufficient_scope} challenge. A cross-tenant denial that Palisade's
 * access layer marked to be concealed ({@link PalisadeAuthorizationDecision#concealAsNotFound()})
 * is answered 404 with the body of {@link #NOT_FOUND_DETAIL}, and no challenge.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	/** The detail of a concealed cross-tenant denial; answer your own 404s with it to look alike. */
	public static final String NOT_FOUND_DETAIL = "The requested resource was not found.";

	private final String realm;

	public ProblemAccessDeniedHandler(String realm) {
		this.realm = realm;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (accessDeniedException instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof PalisadeAuthorizationDecision decision
				&& decision.concealAsNotFound()) {
			ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, NOT_FOUND_DETAIL, Map.of());
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"" + this.realm + "\", error=\"insufficient_scope\"");
		ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				"You are not allowed to perform this action.", Map.of());
	}
}
