package dev.palisade.security.web.tokenendpoint;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.crypto.password.VerificationOutcome;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.totp.TotpStoreException;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.SignInAttempt;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.IssuedAccessToken;
import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.web.ClientCertificateAuthenticationFilter;
import dev.palisade.security.x509.CertificateThumbprints;
import dev.palisade.security.user.ServiceAccount;
import dev.palisade.security.user.ServiceAccountDirectory;
import dev.palisade.security.web.ClientAddresses;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint ({@code palisade.token-endpoint.path}, {@code /auth/token} by default), RFC
 * 6749 style, sent as a form or as JSON:
 * <ul>
 * <li>{@code grant_type=password} with {@code username} and {@code password} signs a user in and
 * returns an access token and a refresh token. OAuth 2.1 drops this grant: it is for an
 * application's own first-party clients only.</li>
 * <li>{@code grant_type=refresh_token} with {@code refresh_token} exchanges a refresh token for a
 * new pair; the old one dies, and presenting it again ends the whole sign-in.</li>
 * <li>{@code grant_type=client_credentials}, the client authenticated with HTTP Basic or with
 * {@code client_id} and {@code client_secret} in the body (never both), returns an access token for
 * the service account and no refresh token.</li>
 * </ul>
 * A user enrolled in TOTP ({@link TotpService}) also sends {@code totp}: a current code or an
 * unused recovery code. A missing or wrong one is the same {@code invalid_grant} as a wrong
 * password, so a response never says which factor failed (the client knows from the enrolment that
 * the user has a second factor), and it counts against the throttle like one.
 * Every failed sign-in or refresh gets the same {@code invalid_grant}, and every failed client
 * authentication the same {@code invalid_client}, whatever went wrong; the check costs the same
 * for unknown names. Failures count against the sign-in throttle per name and client address.
 */
@RestController
public class TokenEndpoint {

	private static final Log logger = LogFactory.getLog(TokenEndpoint.class);

	private static final String CLIENT_THROTTLE_PREFIX = "client_credentials:";

	private final TokenGrantSettings settings;

	private final PasswordVerification passwords;

	private final AccessTokenIssuer issuer;

	private final RefreshTokenService refreshTokens;

	private final AuthenticationEventPublisher signInEvents;

	private final SignInThrottle signInThrottle;

	private final ClientIpResolver clientIpResolver;

	private TotpService secondFactor;

	/**
	 * @param settings which grants are on, and the directories behind them
	 * @param signInEvents where sign-in outcomes are published (the audit log listens), or {@code null}
	 * @param signInThrottle the failure throttle, or {@code null} for none
	 */
	public TokenEndpoint(TokenGrantSettings settings, PasswordVerification passwords, AccessTokenIssuer issuer,
			RefreshTokenService refreshTokens, AuthenticationEventPublisher signInEvents,
			SignInThrottle signInThrottle, ClientIpResolver clientIpResolver) {
		this.settings = settings;
		this.passwords = passwords;
		this.issuer = issuer;
		this.refreshTokens = refreshTokens;
		this.signInEvents = signInEvents;
		this.signInThrottle = signInThrottle;
		this.clientIpResolver = clientIpResolver;
	}

	/** Requires a TOTP code at password sign-in from every user enrolled in {@code totp}. */
	public void setSecondFactor(TotpService totp) {
		this.secondFactor = totp;
	}

	@PostMapping(path = "${palisade.token-endpoint.path:/auth/token}",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> tokenFromForm(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
		for (List<String> values : form.values()) {
			if (values.size() > 1) {
				return OAuthErrors.invalidRequest(); // RFC 6749 §3.2: parameters must not repeat
			}
		}
		return token(form::getFirst, request);
	}

	@PostMapping(path = "${palisade.token-endpoint.path:/auth/token}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> tokenFromJson(@RequestBody Map<String, Object> body, HttpServletRequest request) {
		return token((name) -> text(body.get(name)), request);
	}

	/** A body that cannot be read is an RFC 6749 {@code invalid_request}, not a 500. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable() {
		return OAuthErrors.invalidRequest();
	}

	/**
	 * The refresh-token store is down: nothing was issued or rotated (it fails closed), so the client
	 * hears {@code temporarily_unavailable} with 503 and nothing about the store.
	 */
	@ExceptionHandler(RefreshTokenStoreException.class)
	ResponseEntity<Map<String, Object>> storeUnavailable(RefreshTokenStoreException ex) {
		logger.warn("Refresh-token store unavailable: " + ex.getClass().getName());
		return OAuthErrors.temporarilyUnavailable();
	}

	/** The TOTP enrolment store is down: nobody enrolled can sign in until it is back (fail closed). */
	@ExceptionHandler(TotpStoreException.class)
	ResponseEntity<Map<String, Object>> secondFactorUnavailable(TotpStoreException ex) {
		logger.warn("TOTP enrolment store unavailable: " + ex.getClass().getName());
		return OAuthErrors.temporarilyUnavailable();
	}

	private ResponseEntity<?> token(Function<String, String> parameters, HttpServletRequest request) {
		String grantType = parameters.apply("grant_type");
		if (grantType == null) {
			return OAuthErrors.invalidRequest();
		}
		TokenGrantType grant = TokenGrantType.fromWireName(grantType);
		if (grant == null || !this.settings.allows(grant)) {
			return OAuthErrors.unsupportedGrantType();
		}
		return switch (grant) {
			case PASSWORD -> password(parameters.apply("username"), parameters.apply("password"),
					parameters.apply("totp"), request);
			case REFRESH_TOKEN -> refresh(parameters.apply("refresh_token"), request);
			case CLIENT_CREDENTIALS -> clientCredentials(parameters, request);
		};
	}

	private ResponseEntity<?> password(String username, String password, String totp, HttpServletRequest request) {
		// a blank username names nobody: refuse it before the throttle, which rejects blank keys
		if (username == null || username.isBlank() || password == null) {
			return OAuthErrors.invalidRequest();
		}
		PalisadeUserDirectory users = this.settings.users();
		SignInAttempt attempt = admit(username, request);
		if (attempt != null && !attempt.allowed()) {
			return SignInThrottleResponses.tooManyAttempts(attempt.verdict());
		}
		Optional<PalisadeUser> user = users.findByUsername(username);
		VerificationOutcome outcome = this.passwords.verify(user.map(PalisadeUser::passwordHash), password);
		if (outcome.authenticated() && !secondFactorHolds(username, totp)) {
			outcome = VerificationOutcome.MISMATCH; // the same answer as a wrong password
		}
		settle(attempt, outcome);
		if (!outcome.authenticated()) {
			publishFailure(username);
			return OAuthErrors.invalidGrant();
		}
		PalisadeUser signedIn = user.get();
		publishSuccess(new PalisadePrincipal(signedIn.username(), PrincipalKind.USER, signedIn.org(),
				signedIn.project(), signedIn.roles(), Set.of()));
		if (outcome.needsRehash()) {
			users.updatePasswordHash(signedIn.username(), this.passwords.hasher().hash(password));
		}
		IssuedRefreshToken refreshToken = this.refreshTokens
			.issue(new RefreshGrant(signedIn.username(), signedIn.org(), signedIn.project(), Map.of()));
		return tokens(userToken(signedIn), refreshToken, request);
	}

	/**
	 * Rotates the refresh token, then mints the access token from the user as the directory knows
	 * them now (not from a snapshot in the grant): role changes take effect at the next refresh, and
	 * a removed user's sign-in ends.
	 */
	private ResponseEntity<?> refresh(String refreshToken, HttpServletRequest request) {
		if (refreshToken == null) {
			return OAuthErrors.invalidRequest();
		}
		if (!(this.refreshTokens.rotate(refreshToken) instanceof RotationResult.Rotated rotated)) {
			return OAuthErrors.invalidGrant();
		}
		PalisadeUserDirectory users = this.settings.users();
		Optional<PalisadeUser> user = (users != null) ? users.findByUsername(rotated.grant().subject())
				: Optional.empty();
		if (user.isEmpty()) {
			this.refreshTokens.revokeFamily(rotated.token().familyId());
			return OAuthErrors.invalidGrant();
		}
		return tokens(userToken(user.get()), rotated.token(), request);
	}

	private ResponseEntity<?> clientCredentials(Function<String, String> parameters, HttpServletRequest request) {
		ClientCredentials credentials;
		try {
			credentials = ClientCredentials.from(request, parameters);
		}
		catch (IllegalArgumentException ex) {
			return OAuthErrors.invalidRequest(); // two methods at once, or a malformed Basic header
		}
		if (credentials == null) {
			return OAuthErrors.invalidClient(false, this.settings.realm());
		}
		// its own key space in the throttle: a client id never shares a failure budget with a username
		SignInAttempt attempt = admit(CLIENT_THROTTLE_PREFIX + credentials.clientId(), request);
		if (attempt != null && !attempt.allowed()) {
			return SignInThrottleResponses.tooManyAttempts(attempt.verdict());
		}
		ServiceAccountDirectory clients = this.settings.clients();
		Optional<ServiceAccount> client = clients.findByClientId(credentials.clientId());
		VerificationOutcome outcome = this.passwords.verify(client.map(ServiceAccount::secretHash),
				credentials.secret());
		settle(attempt, outcome);
		if (!outcome.authenticated()) {
			publishFailure(credentials.clientId());
			return OAuthErrors.invalidClient(credentials.viaBasic(), this.settings.realm());
		}
		ServiceAccount account = client.get();
		publishSuccess(new PalisadePrincipal(account.clientId(), PrincipalKind.SERVICE, account.org(),
				account.project(), account.roles(), Set.of()));
		return tokens(new AccessTokenRequest(account.clientId(), PrincipalKind.SERVICE, account.org(),
				account.project(), account.roles(), Set.of(), null)
			.withExtraClaims(planClaim(account.plan())), null, request);
	}

	// rate limiting: sign-in backoff per name and client address, plus a name-wide budget that makes
	// failures costlier without ever refusing an address that has not failed (no lock-out); admission
	// counts as a failure atomically, so parallel guesses cannot all pass before one is recorded
	private boolean secondFactorHolds(String username, String code) {
		return this.secondFactor == null || !this.secondFactor.isEnrolled(username)
				|| this.secondFactor.verify(username, code);
	}

	private SignInAttempt admit(String name, HttpServletRequest request) {
		if (this.signInThrottle == null) {
			return null;
		}
		InetAddress client = ClientAddresses.of(request, this.clientIpResolver);
		return this.signInThrottle.attempt(name, client);
	}

	private static void settle(SignInAttempt attempt, VerificationOutcome outcome) {
		if (attempt == null) {
			return;
		}
		if (outcome.authenticated()) {
			attempt.succeeded();
		}
		else {
			attempt.failed();
		}
	}

	// Spring Security events, so the audit log (and any other listener) sees every sign-in outcome
	private void publishFailure(String claimedName) {
		if (this.signInEvents != null) {
			this.signInEvents.publishAuthenticationFailure(new BadCredentialsException("Bad credentials"),
					UsernamePasswordAuthenticationToken.unauthenticated(claimedName, null));
		}
	}

	private void publishSuccess(PalisadePrincipal principal) {
		if (this.signInEvents != null) {
			this.signInEvents.publishAuthenticationSuccess(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		}
	}

	private static AccessTokenRequest userToken(PalisadeUser user) {
		return new AccessTokenRequest(user.username(), PrincipalKind.USER, user.org(), user.project(), user.roles(),
				Set.of(), null)
			.withExtraClaims(planClaim(user.plan()));
	}

	private static Map<String, Object> planClaim(String plan) {
		return (plan != null) ? Map.of("plan", plan) : Map.of();
	}

	/**
	 * Issues the token, bound (RFC 8705) to the TLS client certificate the token request came with,
	 * if any: a token asked for over mutual TLS is then useless without that certificate's key.
	 */
	private ResponseEntity<?> tokens(AccessTokenRequest request, IssuedRefreshToken refreshToken,
			HttpServletRequest http) {
		AccessTokenRequest bound = (http.getAttribute(ClientCertificateAuthenticationFilter.CERTIFICATES)
				instanceof X509Certificate[] certificates && certificates.length > 0)
						? request.boundToCertificate(CertificateThumbprints.x5tS256(certificates[0])) : request;
		IssuedAccessToken token = this.issuer.issue(bound);
		return OAuthErrors.noStore(ResponseEntity.ok())
			.body(new TokenResponse(token.value(), Duration.between(Instant.now(), token.expiresAt()).toSeconds(),
					(refreshToken != null) ? refreshToken.token() : null));
	}

	private static String text(Object value) {
		return (value instanceof String string) ? string : null;
	}
}
