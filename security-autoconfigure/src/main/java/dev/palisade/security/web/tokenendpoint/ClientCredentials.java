package dev.palisade.security.web.tokenendpoint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * A client's id and secret, read as RFC 6749 §2.3.1 allows: HTTP Basic with both parts
 * form-urlencoded, or {@code client_id} and {@code client_secret} in the request body; a client
 * must not use both. Parsed by hand because Spring Security's Basic converter answers with its
 * own {@code 401} and knows nothing of the form-urlencoding of the parts. {@link #toString()}
 * leaves the secret out.
 *
 * @param clientId the client id presented
 * @param secret the secret presented
 * @param viaBasic whether they came in an {@code Authorization: Basic} header
 */
record ClientCredentials(String clientId, String secret, boolean viaBasic) {

	private static final String BASIC = "Basic ";

	/**
	 * The credentials on a token request.
	 * @return the credentials, or {@code null} when the request carries none (or no secret)
	 * @throws IllegalArgumentException when both methods are used, or a Basic header is malformed
	 */
	static ClientCredentials from(HttpServletRequest request, Function<String, String> parameters) {
		String formId = parameters.apply("client_id");
		String formSecret = parameters.apply("client_secret");
		String basic = basicHeader(request);
		if (basic != null) {
			if (formId != null || formSecret != null) {
				throw new IllegalArgumentException("more than one client authentication method");
			}
			return fromBasic(basic);
		}
		if (formId == null || formId.isBlank() || formSecret == null) {
			return null;
		}
		return new ClientCredentials(formId, formSecret, false);
	}

	private static String basicHeader(HttpServletRequest request) {
		List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		String basic = null;
		for (String header : headers) {
			if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
				if (headers.size() > 1) {
					throw new IllegalArgumentException("more than one Authorization header");
				}
				basic = header.substring(BASIC.length()).strip();
			}
		}
		return basic;
	}

	private static ClientCredentials fromBasic(String encoded) {
		String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("no ':' in the Basic credentials");
		}
		String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
		String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
		if (id.isBlank()) {
			throw new IllegalArgumentException("an empty client id");
		}
		return new ClientCredentials(id, secret, true);
	}

	@Override
	public String toString() {
		return "ClientCredentials[" + this.clientId + "]";
	}
}
