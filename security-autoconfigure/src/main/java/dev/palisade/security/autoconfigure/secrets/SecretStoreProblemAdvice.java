package dev.palisade.security.autoconfigure.secrets;

import dev.palisade.security.crypto.aead.AeadException;
import dev.palisade.security.secrets.InvalidSecretException;
import dev.palisade.security.secrets.SecretStoreCorruptedException;
import dev.palisade.security.secrets.SecretStoreException;
import dev.palisade.security.secrets.SecretStoreUnavailableException;
import dev.palisade.security.secrets.SecretVersionConflictException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers secret-store failures in controllers with problem+json instead of a 500: an unavailable
 * backend or a corrupted store is 503, a lost check-and-set 409, a bad path or field 400. Details name
 * no value and carry no stack trace; the cause is logged without values.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class SecretStoreProblemAdvice {

	private static final Log logger = LogFactory.getLog(SecretStoreProblemAdvice.class);

	@ExceptionHandler(SecretVersionConflictException.class)
	ResponseEntity<ProblemDetail> conflict(SecretVersionConflictException ex) {
		return problem(HttpStatus.CONFLICT, "The secret was changed by someone else; read it again and retry");
	}

	@ExceptionHandler(InvalidSecretException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidSecretException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler({ SecretStoreException.class, AeadException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		String kind = (ex instanceof SecretStoreCorruptedException || ex instanceof AeadException) ? "corrupted"
				: (ex instanceof SecretStoreUnavailableException) ? "unavailable" : "failed";
		logger.warn("Secret store " + kind + ": " + ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The secret store is unavailable; retry later");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
