package dev.palisade.sample.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import dev.palisade.sample.users.DemoUserDirectory;
import dev.palisade.sample.users.DemoUserProperties.DemoUser;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.crypto.password.VerificationOutcome;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.ratelimit.SignInAttempt;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.IssuedAccessToken;
import dev.palisade.security.web.ClientAddresses;

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
 * The token endpoint, RFC 6749 style, sent as a form or as JSON: {@code grant_type=password} with
 * {@code username} and {@code password} signs in and returns an access token and a refresh token;
 * {@code grant_type=refresh_token} with {@code refresh_token} exchanges a refresh token for a new
 * pair (the old refresh token dies; presenting it again ends the whole sign-in). Every failed
 * sign-in or refresh gets the same {@code invalid_grant} answer, whatever went wrong.
 */
@RestController
class TokenController {

	private final DemoUserDirectory users;

	private final PasswordVerification passwords;

	private final AccessTokenIssuer issuer;

	private final RefreshTokenService refreshTokens;

	private final ObjectProvider<AuthenticationEventPublisher> signInEvents;

	private final SignInThrottle signInThrottle;

	private final ClientIpResolver clientIpResolver;

	TokenController(DemoUserDirectory users, PasswordVerification passwords, AccessTokenIssuer issuer,
			RefreshTokenService refreshTokens, ObjectProvider<AuthenticationEventPublisher> signInEvents,
			ObjectProvider<SignInThrottle> signInThrottle, ObjectProvider<ClientIpResolver> clientIpResolver) {
		this.users = users;
		this.passwords = passwords;
		this.issuer = issuer;
		this.refreshTokens = refreshTokens;
		this.signInEvents = signInEvents;
		this.signInThrottle = signInThrottle.getIfAvailable();
		this.clientIpResolver = clientIpResolver.getIfAvailable(ClientIpResolver::direct);
	}

	@PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> tokenFromForm(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
		for (List<String> values : form.values()) {
			if (values.size() > 1) {
				return OAuthErrors.invalidRequest(); // RFC 6749 §3.2: parameters must not repeat
			}
		}
		return token(form::getFirst, request);
	}

	@PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> tokenFromJson(@RequestBody Map<String, Object> body, HttpServletRequest request) {
		return token((name) -> text(body.get(name)), request);
	}

	private ResponseEntity<?> token(Function<String, String> parameters, HttpServletRequest request) {
		String grantType = parameters.apply("grant_type");
		if (grantType == null) {
			return OAuthErrors.invalidRequest();
		}
		return switch (grantType) {
			case "password" -> password(parameters.apply("username"), parameters.apply("password"), request);
			case "refresh_token" -> refresh(parameters.apply("refresh_token"));
			default -> OAuthErrors.unsupportedGrantType();
		};
	}

	private ResponseEntity<?> password(String username, String password, HttpServletRequest request) {
		// a blank username names nobody: refuse it before the throttle, which rejects blank keys
		if (username == null || username.isBlank() || password == null) {
			return OAuthErrors.invalidRequest();
		}
		// rate limiting: sign-in backoff per username and client address, plus a username-wide budget that
		// makes failures costlier without ever refusing an address that has not failed (no lock-out);
		// admission counts as a failure atomically, so parallel guesses cannot all pass before one is recorded
		SignInAttempt attempt = null;
		if (this.signInThrottle != null) {
			InetAddress client = ClientAddresses.of(request, this.clientIpResolver);
			attempt = this.signInThrottle.attempt(username, client);
		}
		if (attempt != null && !attempt.allowed()) {
			return SignInThrottleResponses.tooManyAttempts(attempt.verdict());
		}
		Optional<DemoUser> user = this.users.find(username);
		VerificationOutcome outcome = this.passwords.verify(user.map(DemoUser::passwordHash), password);
		if (attempt != null) {
			if (outcome.authenticated()) {
				attempt.succeeded();
			}
			else {
				attempt.failed();
			}
		}
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
		IssuedRefreshToken refreshToken = this.refreshTokens
			.issue(new RefreshGrant(signedIn.username(), signedIn.org(), signedIn.project(), Map.of()));
		return tokens(signedIn, refreshToken);
	}

	/**
	 * Rotates the refresh token, then mints the access token from the user as the directory knows
	 * them now (not from a snapshot in the grant): role changes take effect at the next refresh, and
	 * a removed user's sign-in ends.
	 */
	private ResponseEntity<?> refresh(String refreshToken) {
		if (refreshToken == null) {
			return OAuthErrors.invalidRequest();
		}
		if (!(this.refreshTokens.rotate(refreshToken) instanceof RotationResult.Rotated rotated)) {
			return OAuthErrors.invalidGrant();
		}
		Optional<DemoUser> user = this.users.find(rotated.grant().subject());
		if (user.isEmpty()) {
			this.refreshTokens.revokeFamily(rotated.token().familyId());
			return OAuthErrors.invalidGrant();
		}
		return tokens(user.get(), rotated.token());
	}

	private ResponseEntity<?> tokens(DemoUser user, IssuedRefreshToken refreshToken) {
		IssuedAccessToken token = this.issuer.issue(new AccessTokenRequest(user.username(), PrincipalKind.USER,
				user.org(), user.project(), user.roles(), Set.of(), null)
			.withExtraClaims((user.plan() != null) ? Map.of("plan", user.plan()) : Map.of()));
		return OAuthErrors.noStore(ResponseEntity.ok())
			.body(new TokenResponse(token.value(), Duration.between(Instant.now(), token.expiresAt()).toSeconds(),
					refreshToken.token()));
	}

	private static String text(Object value) {
		return (value instanceof String string) ? string : null;
	}
}
