package dev.palisade.security.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads an API key from the configured header (default {@code X-API-Key}) and, only when a name
 * is configured, from a query parameter. Keys sent as {@code Authorization: Bearer <prefix>_...}
 * are not read here: Spring's bearer filter reads them and {@link BearerCredentialRouting}
 * hands them to {@link ApiKeyAuthenticationProvider}.
 * <p>
 * A request that carries more than one credential (the header twice, header and query
 * parameter, or a key beside an {@code Authorization} header) is refused: which one would win is
 * not the client's to guess (RFC 6750 §2 says the same of bearer tokens).
 */
public final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

	static final String AMBIGUOUS = "AMBIGUOUS";

	private final String headerName;

	private final String queryParameter;

	/**
	 * @param headerName the header carrying a key
	 * @param queryParameter the query parameter carrying a key, or {@code null} to never read one
	 */
	public ApiKeyAuthenticationConverter(String headerName, String queryParameter) {
		if (headerName == null || headerName.isBlank()) {
			throw new IllegalArgumentException("an API key header name is needed");
		}
		this.headerName = headerName;
		this.queryParameter = (queryParameter != null && !queryParameter.isBlank()) ? queryParameter : null;
	}

	/** The header that carries a key. */
	public String headerName() {
		return this.headerName;
	}

	@Override
	public ApiKeyAuthenticationToken convert(HttpServletRequest request) {
		List<String> headers = Collections.list(request.getHeaders(this.headerName));
		List<String> parameters = (this.queryParameter != null) ? queryValues(request.getQueryString()) : List.of();
		int presented = headers.size() + parameters.size();
		if (presented == 0) {
			return null;
		}
		if (presented > 1 || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			throw new CredentialRejectedException(AMBIGUOUS);
		}
		return new ApiKeyAuthenticationToken(headers.isEmpty() ? parameters.get(0) : headers.get(0));
	}

	// only the query string, never a form body: reading request parameters would consume the body
	private List<String> queryValues(String query) {
		if (query == null || query.isEmpty()) {
			return List.of();
		}
		String wanted = this.queryParameter + "=";
		return java.util.Arrays.stream(query.split("&"))
			.filter((pair) -> pair.startsWith(wanted) || pair.equals(this.queryParameter))
			.map((pair) -> decode(pair.substring(Math.min(pair.length(), wanted.length()))))
			.toList();
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return ""; // malformed escapes: verification refuses it as MALFORMED
		}
	}

	@Override
	public String toString() {
		return "ApiKeyAuthenticationConverter[header=" + this.headerName + ", queryParameter=" + this.queryParameter
				+ "]";
	}
}
