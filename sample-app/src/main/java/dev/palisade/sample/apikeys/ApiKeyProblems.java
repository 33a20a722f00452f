package dev.palisade.sample.apikeys;

import java.util.List;

import dev.palisade.security.apikey.ApiKeyNotFoundException;
import dev.palisade.security.apikey.ApiKeyStoreException;
import dev.palisade.security.apikey.InvalidApiKeyRequestException;
import dev.palisade.security.apikey.ScopeEscalationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for the key management endpoints. No message ever contains key material. */
@RestControllerAdvice(assignableTypes = ApiKeyController.class)
class ApiKeyProblems {

	@ExceptionHandler
	ProblemDetail scopeEscalation(ScopeEscalationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"An API key cannot carry permissions its creator does not hold.");
		problem.setProperty("refusedScopes", List.copyOf(ex.refusedScopes()).stream().sorted().toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidApiKeyRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(ApiKeyNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such API key in this organisation.");
	}

	@ExceptionHandler
	ProblemDetail storeUnavailable(ApiKeyStoreException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"API keys cannot be managed right now. Try again later.");
	}
}
