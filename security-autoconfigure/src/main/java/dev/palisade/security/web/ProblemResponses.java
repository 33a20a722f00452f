package dev.palisade.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies for the security layer, which answers
 * before any controller (and any {@code HttpMessageConverter}) runs. Spring Security has no
 * problem-details support of its own. The JSON is assembled here from a fixed set of short,
 * Palisade-chosen strings; no caller input is ever echoed except the request path, which is
 * escaped.
 */
public final class ProblemResponses {

	/** The problem+json media type. */
	public static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private ProblemResponses() {
	}

	/**
	 * Writes a problem response.
	 * @param request the request, whose URI becomes {@code instance}
	 * @param response the response to write to
	 * @param status the HTTP status
	 * @param detail a short human-readable explanation that reveals nothing about the credential
	 * @param extensions extra members (string values only), may be empty
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail, Map<String, String> extensions) throws IOException {
		StringBuilder json = new StringBuilder(160);
		json.append("{\"type\":\"about:blank\",\"title\":");
		appendString(json, status.getReasonPhrase());
		json.append(",\"status\":").append(status.value());
		json.append(",\"detail\":");
		appendString(json, detail);
		json.append(",\"instance\":");
		appendString(json, request.getRequestURI());
		for (Map.Entry<String, String> extension : extensions.entrySet()) {
			json.append(',');
			appendString(json, extension.getKey());
			json.append(':');
			appendString(json, extension.getValue());
		}
		json.append('}');
		byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status.value());
		response.setContentType(PROBLEM_JSON);
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	static void appendString(StringBuilder json, String value) {
		if (value == null) {
			json.append("null");
			return;
		}
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || Character.isSurrogate(c)) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}
}
