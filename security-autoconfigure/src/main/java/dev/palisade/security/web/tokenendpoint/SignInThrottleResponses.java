package dev.palisade.security.web.tokenendpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.security.ratelimit.SignInVerdict;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a sign-in attempt while its username is throttled for the caller's address: RFC
 * 6749 has no status for it, so it is {@code 429} with {@code Retry-After} and an RFC 9457 problem
 * body, like every other rate-limit refusal. It is the same for known and unknown usernames.
 */
final class SignInThrottleResponses {

	private SignInThrottleResponses() {
	}

	static ResponseEntity<Map<String, Object>> tooManyAttempts(SignInVerdict verdict) {
		long retryAfter = Math.max(1, verdict.retryAfterSeconds());
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Too Many Requests");
		problem.put("status", 429);
		problem.put("detail", "Too many failed sign-ins for this username from this address; retry after the time given in Retry-After");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
