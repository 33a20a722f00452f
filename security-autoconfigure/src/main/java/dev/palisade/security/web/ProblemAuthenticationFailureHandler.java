package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The failure handler of Palisade's authentication filters: a refused credential goes to the
 * {@link ProblemAuthenticationEntryPoint} (401, the same body whatever failed); a
 * {@link CredentialStoreUnavailableException} becomes a 503 problem; any other
 * {@link AuthenticationServiceException} is rethrown, as Spring Security's own
 * {@code AuthenticationEntryPointFailureHandler} does, because it is a server fault.
 */
public final class ProblemAuthenticationFailureHandler implements AuthenticationFailureHandler {

	private final AuthenticationEntryPoint entryPoint;

	public ProblemAuthenticationFailureHandler(AuthenticationEntryPoint entryPoint) {
		this.entryPoint = entryPoint;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof CredentialStoreUnavailableException) {
			ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The credential cannot be checked right now. Try again later.", Map.of());
			return;
		}
		if (exception instanceof AuthenticationServiceException) {
			throw exception;
		}
		this.entryPoint.commence(request, response, exception);
	}
}
