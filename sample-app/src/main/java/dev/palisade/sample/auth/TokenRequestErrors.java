package dev.palisade.sample.auth;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A token request whose body cannot be read is an RFC 6749 {@code invalid_request}, not a 500. */
@RestControllerAdvice(assignableTypes = TokenController.class)
class TokenRequestErrors {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable() {
		return OAuthErrors.invalidRequest();
	}
}
