package dev.palisade.security.web;

import java.io.IOException;
import java.util.Set;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed OIDC or OAuth 2.0 sign-in (refused at the provider, a forged or replayed callback, an ID
 * token that does not verify, or nobody linked): one audit record ({@code federated.authenticate},
 * failure) with a bounded reason, and the browser back at the sign-in page with {@code ?error}, the
 * same answer as a wrong password. All such failures are recorded here, the ones Spring Security
 * raises before its provider runs included, so the event auditor leaves them alone.
 */
public final class FederatedSignInFailureHandler implements AuthenticationFailureHandler {

	/** Reasons kept as they are; any other error code (the provider's, or a forged callback's) is {@code oauth2_error}. */
	private static final Set<String> KNOWN_REASONS = Set.of(ExternalIdentityUserServices.NOT_LINKED, "access_denied",
			"authorization_request_not_found", "invalid_state_parameter", "invalid_redirect_uri_parameter",
			"invalid_id_token", "invalid_nonce", "invalid_token_response", "invalid_user_info_response",
			"missing_user_info_uri", "missing_user_name_attribute", "invalid_request", "invalid_grant",
			"server_error", "temporarily_unavailable");

	private final AuditRecorder auditRecorder;

	private final String loginPage;

	/** @param auditRecorder where failures are recorded, or {@code null} */
	public FederatedSignInFailureHandler(AuditRecorder auditRecorder, String loginPage) {
		this.auditRecorder = auditRecorder;
		this.loginPage = loginPage;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (this.auditRecorder != null) {
			this.auditRecorder.record(AuditEvent.builder()
				.action(AuditActions.FEDERATED_AUTHENTICATE)
				.result(AuditResult.FAILURE)
				.reasonCode(reasonOf(exception))
				.build());
		}
		response.sendRedirect(request.getContextPath() + this.loginPage + "?error");
	}

	static String reasonOf(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			String code = oauth2.getError().getErrorCode();
			return KNOWN_REASONS.contains(code) ? code : "oauth2_error";
		}
		return "rejected";
	}
}
