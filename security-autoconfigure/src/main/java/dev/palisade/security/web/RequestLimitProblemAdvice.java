package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request body Spring MVC could not read because of a Palisade limit: 413 when the
 * body grew past the size limit while read, 400 when the JSON broke one of Jackson's
 * {@code StreamReadConstraints} (nesting depth, string, number or name length); both problem+json
 * and audited ({@code request.limit}). Any other unreadable body is left to the application and
 * Spring MVC (the exception is rethrown). Ordered last, so an application's own handler wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public final class RequestLimitProblemAdvice {

	private static final String[] CONSTRAINT_EXCEPTIONS = { "tools.jackson.core.exc.StreamConstraintsException",
			"com.fasterxml.jackson.core.exc.StreamConstraintsException" };

	private final AuditRecorder auditRecorder;

	/** @param auditRecorder where refusals are recorded, or {@code null} */
	public RequestLimitProblemAdvice(AuditRecorder auditRecorder) {
		this.auditRecorder = auditRecorder;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	void unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException) {
				RequestSizeLimitFilter.refuse(request, response, this.auditRecorder);
				return;
			}
			if (isConstraintViolation(cause)) {
				if (this.auditRecorder != null) {
					this.auditRecorder.record(AuditEvent.builder()
						.action(AuditActions.REQUEST_LIMIT)
						.result(AuditResult.DENIED)
						.reasonCode("json_limit")
						.build());
				}
				ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
						"The JSON body is nested too deeply or holds a value that is too long", Map.of());
				return;
			}
		}
		throw ex;
	}

	private static boolean isConstraintViolation(Throwable cause) {
		for (String name : CONSTRAINT_EXCEPTIONS) {
			if (cause.getClass().getName().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
