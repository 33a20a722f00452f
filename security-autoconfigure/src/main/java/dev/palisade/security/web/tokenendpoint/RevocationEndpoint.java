package dev.palisade.security.web.tokenendpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.DenyListFullException;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.VerifiedAccessToken;
import dev.palisade.security.web.PalisadeAuthentication;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ending sign-ins. {@code POST /auth/revoke} ({@code palisade.token-endpoint.revocation-path}) is
 * RFC 7009 token revocation (public: holding a token is the right to revoke it): a refresh token
 * ends its whole family, an access token goes to the deny list until its expiry, and the answer is
 * 200 whether or not the token was known. {@code POST /auth/logout-all}
 * ({@code palisade.token-endpoint.logout-all-path}, authenticated) signs the caller out
 * everywhere: every refresh-token family of the caller and the access token of this request die
 * at once.
 */
@RestController
public class RevocationEndpoint {

	private final RefreshTokenService refreshTokens;

	private final AccessTokenVerifier accessTokens;

	private final AccessTokenDenyList denyList;

	private final AuditRecorder audit;

	public RevocationEndpoint(RefreshTokenService refreshTokens, AccessTokenVerifier accessTokens,
			AccessTokenDenyList denyList, AuditRecorder audit) {
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.denyList = denyList;
		this.audit = audit;
	}

	/**
	 * Revokes the token in {@code token}; {@code token_type_hint} is accepted and not needed, since
	 * both kinds are tried (RFC 7009 §2.1 asks servers to search beyond the hint anyway).
	 */
	@PostMapping(path = "${palisade.token-endpoint.revocation-path:/auth/revoke}",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> revoke(@RequestParam MultiValueMap<String, String> form) {
		for (List<String> values : form.values()) {
			if (values.size() > 1) {
				return OAuthErrors.invalidRequest();
			}
		}
		String token = form.getFirst("token");
		if (token == null || token.isEmpty()) {
			return OAuthErrors.invalidRequest();
		}
		if (!this.refreshTokens.revokeToken(token)) {
			denyAccessToken(token);
		}
		return OAuthErrors.noStore(ResponseEntity.ok()).build();
	}

	@PostMapping("${palisade.token-endpoint.logout-all-path:/auth/logout-all}")
	ResponseEntity<Void> logoutAll(@AuthenticationPrincipal PalisadePrincipal me, Authentication authentication) {
		if (me == null) {
			// only in an application's own chain that lets this path through unauthenticated
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		this.refreshTokens.revokeAllForSubject(me.subject());
		if (authentication instanceof PalisadeAuthentication caller && caller.tokenId() != null) {
			deny(caller.tokenId(), caller.tokenExpiresAt(), me.org());
		}
		return ResponseEntity.noContent().build();
	}

	/** The deny list is full: this one revocation did not take effect, so the client must hear it and retry. */
	@ExceptionHandler(DenyListFullException.class)
	ResponseEntity<Map<String, Object>> denyListFull() {
		return OAuthErrors.temporarilyUnavailable();
	}

	/** The refresh-token store is down: the revocation may not have taken effect, so the client must retry. */
	@ExceptionHandler(RefreshTokenStoreException.class)
	ResponseEntity<Map<String, Object>> storeUnavailable() {
		return OAuthErrors.temporarilyUnavailable();
	}

	/** Denies a valid access token until its expiry; anything else is ignored, as RFC 7009 asks. */
	private void denyAccessToken(String token) {
		try {
			VerifiedAccessToken verified = this.accessTokens.verify(token);
			if (verified.jti() != null) {
				deny(verified.jti(), verified.expiresAt(), verified.principal().org());
			}
		}
		catch (InvalidTokenException ex) {
			// unknown, expired, already revoked or not a token of ours: nothing to revoke
		}
	}

	// refresh-token revocations are recorded by Palisade's own listener; access tokens are denied here
	private void deny(String jti, Instant expiresAt, String org) {
		this.denyList.deny(jti, expiresAt);
		this.audit.record(AuditEvent.builder()
			.action(AuditActions.ACCESS_TOKEN_REVOKE)
			.result(AuditResult.SUCCESS)
			.resource(new AuditResource("access_token", jti, org, null))
			.build());
	}
}
