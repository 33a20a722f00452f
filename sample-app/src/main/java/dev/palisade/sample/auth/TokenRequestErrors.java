package dev.palisade.sample.auth;

import java.util.Map;

import dev.palisade.security.refresh.RefreshTokenStoreException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A token request whose body cannot be read is an RFC 6749 {@code invalid_request}, not a 500; a
 * refresh-token store that is down (on sign-in or refresh) is {@code temporarily_unavailable}
 * with 503, and the answer says nothing about the store.
 */
@RestControllerAdvice(assignableTypes = TokenController.class)
class TokenRequestErrors {

	private static final Log logger = LogFactory.getLog(TokenRequestErrors.class);

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable() {
		return OAuthErrors.invalidRequest();
	}

	@ExceptionHandler(RefreshTokenStoreException.class)
	ResponseEntity<Map<String, Object>> storeUnavailable(RefreshTokenStoreException ex) {
		// the store fails closed (nothing was issued or rotated); log the type only, like the sweeper
		logger.warn("Refresh-token store unavailable: " + ex.getClass().getName());
		return OAuthErrors.temporarilyUnavailable();
	}
}
