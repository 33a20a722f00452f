package dev.palisade.security.web.tokenendpoint;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** RFC 6749 §5.2 error responses of the token endpoint. */
final class OAuthErrors {

	private OAuthErrors() {
	}

	static ResponseEntity<Map<String, Object>> invalidRequest() {
		return error("invalid_request");
	}

	static ResponseEntity<Map<String, Object>> invalidGrant() {
		return error("invalid_grant");
	}

	static ResponseEntity<Map<String, Object>> unsupportedGrantType() {
		return error("unsupported_grant_type");
	}

	/**
	 * RFC 6749 §5.2's {@code invalid_client}: 401, with a {@code Basic} challenge when the client
	 * tried HTTP Basic, as the RFC requires.
	 */
	static ResponseEntity<Map<String, Object>> invalidClient(boolean triedBasic, String realm) {
		ResponseEntity.BodyBuilder builder = noStore(ResponseEntity.status(HttpStatus.UNAUTHORIZED));
		if (triedBasic) {
			builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
		}
		return builder.body(Map.of("error", "invalid_client"));
	}

	/** RFC 6749 §4.1.2.1's {@code temporarily_unavailable}, with 503: a backend is down, retry later. */
	static ResponseEntity<Map<String, Object>> temporarilyUnavailable() {
		return noStore(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE))
			.body(Map.of("error", "temporarily_unavailable"));
	}

	static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
		return builder.cacheControl(CacheControl.noStore()).header("Pragma", "no-cache");
	}

	private static ResponseEntity<Map<String, Object>> error(String code) {
		return noStore(ResponseEntity.status(HttpStatus.BAD_REQUEST)).body(Map.of("error", code));
	}
}
