package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The UI chain's 403: problem+json, and for a missing or wrong CSRF token an audit record
 * ({@code authorize}, reason {@code csrf}), since that is what a forged cross-site request looks like.
 */
public final class SessionAccessDeniedHandler implements AccessDeniedHandler {

	private final AuditRecorder auditRecorder;

	/** @param auditRecorder where CSRF refusals are recorded, or {@code null} */
	public SessionAccessDeniedHandler(AuditRecorder auditRecorder) {
		this.auditRecorder = auditRecorder;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		boolean csrf = denied instanceof CsrfException;
		if (csrf && this.auditRecorder != null) {
			this.auditRecorder.record(AuditEvent.builder()
				.action(AuditActions.AUTHORIZE)
				.result(AuditResult.DENIED)
				.reasonCode("csrf")
				.detail("method", request.getMethod())
				.build());
		}
		ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				csrf ? "The form is missing its CSRF token or it is not valid; reload the page"
						: "You are not allowed to perform this action.",
				Map.of());
	}
}
