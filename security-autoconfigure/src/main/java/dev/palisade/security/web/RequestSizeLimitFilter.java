package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than a limit with 413 problem+json and an audit record
 * ({@code request.limit}): at once when {@code Content-Length} says so, before authentication;
 * otherwise (a chunked body) the body is counted while it is read and reading past the limit
 * throws {@link RequestBodyTooLargeException}, which this filter, or
 * {@link RequestLimitProblemAdvice} for a body read by Spring MVC, turns into the same 413. Form
 * parameters the container parses itself are held to its own limit ({@code maxPostSize}, 2 MB in
 * Tomcat) when the body is chunked.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBodySize;

	private final AuditRecorder auditRecorder;

	/**
	 * @param maxBodySize the largest body in bytes; zero or less turns the check off
	 * @param auditRecorder where refusals are recorded, or {@code null}
	 */
	public RequestSizeLimitFilter(long maxBodySize, AuditRecorder auditRecorder) {
		this.maxBodySize = maxBodySize;
		this.auditRecorder = auditRecorder;
	}

	/** Whether a limit is set (the configurer leaves the filter out of the chain otherwise). */
	public boolean isEnabled() {
		return this.maxBodySize > 0;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBodySize) {
			// the body is not read: the container may close the connection instead of draining it
			refuse(request, response, this.auditRecorder);
			return;
		}
		try {
			chain.doFilter((request.getContentLengthLong() < 0) ? new CountingRequest(request, this.maxBodySize)
					: request, response);
		}
		catch (RequestBodyTooLargeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response, this.auditRecorder);
		}
	}

	/** Writes the 413 and records it. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, AuditRecorder auditRecorder)
			throws IOException {
		if (auditRecorder != null) {
			auditRecorder.record(AuditEvent.builder()
				.action(AuditActions.REQUEST_LIMIT)
				.result(AuditResult.DENIED)
				.reasonCode("body_too_large")
				.build());
		}
		ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large",
				Map.of());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isEnabled();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	/** A request whose body stream fails once more than the limit has been read. */
	private static final class CountingRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		CountingRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		// a reader over the counted stream, so reading characters is held to the limit too
		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(encoding != null) ? java.nio.charset.Charset.forName(encoding) : java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws RequestBodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new RequestBodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}
	}
}
