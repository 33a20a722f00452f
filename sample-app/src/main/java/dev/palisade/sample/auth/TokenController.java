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
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.IssuedAccessToken;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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

	private final ObjectProvider<AuthenticationEventPublisher> signInEvents;

	TokenController(DemoUserDirectory users, PasswordVerification passwords, AccessTokenIssuer issuer,
			ObjectProvider<AuthenticationEventPublisher> signInEvents) {
		this.users = users;
		this.passwords = passwords;
		this.issuer = issuer;
		this.signInEvents = signInEvents;
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
		Optional<DemoUser> user = this.users.find(username);
		VerificationOutcome outcome = this.passwords.verify(user.map(DemoUser::passwordHash), password);
		if (!outcome.authenticated()) {
			// a Spring Security event, so the audit log (and any other listener) sees the failed sign-in
			this.signInEvents.ifAvailable((events) -> events.publishAuthenticationFailure(
					new BadCredentialsException("Bad credentials"),
					UsernamePasswordAuthenticationToken.unauthenticated(username, null)));
			return OAuthErrors.invalidGrant();
		}
		DemoUser signedIn = user.get();
		this.signInEvents.ifAvailable((events) -> events.publishAuthenticationSuccess(
				UsernamePasswordAuthenticationToken.authenticated(new PalisadePrincipal(signedIn.username(),
						PrincipalKind.USER, signedIn.org(), signedIn.project(), signedIn.roles(), Set.of()), null,
						List.of())));
		if (outcome.needsRehash()) {
			this.users.replaceHash(signedIn.username(), this.passwords.hasher().hash(password));
		}
		IssuedAccessToken token = this.issuer.issue(new AccessTokenRequest(signedIn.username(), PrincipalKind.USER,
				signedIn.org(), signedIn.project(), signedIn.roles(), permissionsOf(signedIn), null));
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
