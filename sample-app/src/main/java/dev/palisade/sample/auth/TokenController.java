package dev.palisade.sample.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.palisade.sample.users.DemoUserDirectory;
import dev.palisade.sample.users.DemoUserProperties.DemoUser;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.crypto.password.VerificationOutcome;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.ratelimit.SignInVerdict;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.IssuedAccessToken;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint, RFC 6749 style: {@code grant_type=password} with {@code username} and
 * {@code password}, sent as a form or as JSON. Every failed sign-in gets the same
 * {@code invalid_grant} answer, whatever went wrong.
 */
@RestController
class TokenController {

	private final DemoUserDirectory users;

	private final PasswordVerification passwords;

	private final AccessTokenIssuer issuer;

	private final SignInThrottle signInThrottle;

	TokenController(DemoUserDirectory users, PasswordVerification passwords, AccessTokenIssuer issuer,
			ObjectProvider<SignInThrottle> signInThrottle) {
		this.users = users;
		this.passwords = passwords;
		this.issuer = issuer;
		this.signInThrottle = signInThrottle.getIfAvailable();
	}

	@PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> tokenFromForm(@RequestParam MultiValueMap<String, String> form) {
		for (List<String> values : form.values()) {
			if (values.size() > 1) {
				return OAuthErrors.invalidRequest(); // RFC 6749 §3.2: parameters must not repeat
			}
		}
		return token(form.getFirst("grant_type"), form.getFirst("username"), form.getFirst("password"));
	}

	@PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> tokenFromJson(@RequestBody Map<String, Object> body) {
		return token(text(body.get("grant_type")), text(body.get("username")), text(body.get("password")));
	}

	private ResponseEntity<Map<String, Object>> token(String grantType, String username, String password) {
		if (grantType == null) {
			return OAuthErrors.invalidRequest();
		}
		if (!"password".equals(grantType)) {
			return OAuthErrors.unsupportedGrantType();
		}
		if (username == null || password == null) {
			return OAuthErrors.invalidRequest();
		}
		// rate limiting: per-username sign-in throttle (backoff after repeated failures)
		SignInVerdict verdict = (this.signInThrottle != null) ? this.signInThrottle.check(username) : null;
		if (verdict != null && !verdict.allowed()) {
			return SignInThrottleResponses.tooManyAttempts(verdict);
		}
		Optional<DemoUser> user = this.users.find(username);
		VerificationOutcome outcome = this.passwords.verify(user.map(DemoUser::passwordHash), password);
		if (this.signInThrottle != null) {
			if (outcome.authenticated()) {
				this.signInThrottle.recordSuccess(username);
			}
			else {
				this.signInThrottle.recordFailure(username);
			}
		}
		if (!outcome.authenticated()) {
			return OAuthErrors.invalidGrant();
		}
		DemoUser signedIn = user.get();
		if (outcome.needsRehash()) {
			this.users.replaceHash(signedIn.username(), this.passwords.hasher().hash(password));
		}
		IssuedAccessToken token = this.issuer.issue(new AccessTokenRequest(signedIn.username(), PrincipalKind.USER,
				signedIn.org(), signedIn.project(), signedIn.roles(), permissionsOf(signedIn), null)
			.withExtraClaims((signedIn.plan() != null) ? Map.of("plan", signedIn.plan()) : Map.of()));
		return OAuthErrors.noStore(ResponseEntity.ok())
			.body(Map.of("access_token", token.value(), "token_type", "Bearer", "expires_in",
					Duration.between(Instant.now(), token.expiresAt()).toSeconds()));
	}

	private static Set<String> permissionsOf(DemoUser user) {
		return Set.of();
	}

	private static String text(Object value) {
		return (value instanceof String string) ? string : null;
	}
}
