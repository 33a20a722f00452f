package dev.palisade.security.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on a request it refused before any filter or servlet ran (a header section
 * over {@code server.max-http-request-header-size}, a request line it cannot parse, garbage on the
 * port): a problem+json body like every other refusal, instead of Tomcat's HTML page, and a
 * batched audit record ({@code request.limit}, reason {@code unreadable_request}); batched, so that
 * a flood of garbage cannot make every request wait for an fsync. Errors the application answered
 * itself have a body already and are left alone, as Tomcat's own valve leaves them.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

	private final Supplier<AuditRecorder> auditRecorder;

	/** @param auditRecorder where refusals are recorded (asked at each refusal; may supply {@code null}) */
	public ProblemErrorReportValve(Supplier<AuditRecorder> auditRecorder) {
		this.auditRecorder = auditRecorder;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AuditRecorder recorder = this.auditRecorder.get();
		if (recorder != null && status < 500) {
			try {
				recorder.recordBatched(AuditEvent.builder()
					.action(AuditActions.REQUEST_LIMIT)
					.result(AuditResult.DENIED)
					.reasonCode("unreadable_request")
					.detail("status", status)
					.build());
			}
			catch (RuntimeException ex) {
				// the answer is already an error; an audit log that refuses the record changes nothing here
			}
		}
		String detail = (status == 400) ? "The request could not be read: a header section too large, or a malformed request."
				: "The request could not be served.";
		String body = "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}";
		try {
			response.setContentType(ProblemResponses.PROBLEM_JSON);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the response was committed meanwhile: nothing more to say
		}
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 408 -> "Request Timeout";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 431 -> "Request Header Fields Too Large";
			case 505 -> "HTTP Version Not Supported";
			default -> (status < 500) ? "Client Error" : "Server Error";
		};
	}
}
