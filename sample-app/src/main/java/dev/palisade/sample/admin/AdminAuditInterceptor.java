package dev.palisade.sample.admin;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every call to an admin endpoint once it completed: who (filled in by the recorder),
 * the route pattern (bounded, never the raw path), the method and the status. Refusals by an
 * access rule are already recorded as {@code authorize} denials, so they are not counted twice.
 */
class AdminAuditInterceptor implements HandlerInterceptor {

	private final AuditRecorder recorder;

	AdminAuditInterceptor(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex instanceof AccessDeniedException) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		boolean ok = ex == null && response.getStatus() < 400;
		this.recorder.record(AuditEvent.builder()
			.action(AuditActions.ADMIN_REQUEST)
			.resource(AuditResource.of("endpoint", (pattern != null) ? pattern.toString() : "unmapped"))
			.result(ok ? AuditResult.SUCCESS : AuditResult.FAILURE)
			.detail("method", request.getMethod())
			.detail("status", (ex != null) ? 500 : response.getStatus())
			.build());
	}
}
