package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated request with 401, an RFC 6750 {@code WWW-Authenticate} challenge
 * and an RFC 9457 body. When a credential was presented and refused the challenge carries
 * {@code error="invalid_token"}; when none was presented it carries no error code (RFC 6750
 * §3.1). The body never says which part of a credential was wrong.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final String realm;

	public ProblemAuthenticationEntryPoint(String realm) {
		this.realm = realm;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		boolean credentialRefused = isCredentialRefused(authException);
		StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(this.realm).append('"');
		if (credentialRefused) {
			String error = "invalid_request".equals(errorCode(authException)) ? "invalid_request" : "invalid_token";
			challenge.append(", error=\"").append(error).append('"');
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge.toString());
		String detail = credentialRefused ? "The credential is invalid, expired or revoked."
				: "Authentication is required to access this resource.";
		ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, detail, Map.of());
	}

	private static boolean isCredentialRefused(AuthenticationException exception) {
		return exception instanceof OAuth2AuthenticationException
				|| exception instanceof CredentialRejectedException;
	}

	private static String errorCode(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			return oauth2.getError().getErrorCode();
		}
		return "invalid_token";
	}
}
