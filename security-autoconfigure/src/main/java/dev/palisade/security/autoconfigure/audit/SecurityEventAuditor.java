package dev.palisade.security.autoconfigure.audit;

import java.util.Locale;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditProperties.RequestAuthentications;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.web.BearerCredentialRouting;
import dev.palisade.security.web.CredentialRejectedException;
import dev.palisade.security.web.PalisadeAuthentication;
import dev.palisade.security.web.PalisadePrincipalHolder;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.util.ClassUtils;

/**
 * Turns Spring Security's authentication and authorization events into audit events. The
 * credential kind comes from the authentication's type; a refused bearer value is never written,
 * only whether it was an access token or an API key (by its prefix) and the verifier's reason.
 * <p>
 * A successful password or federated (OIDC, OAuth 2.0) sign-in is recorded durably; the successful authentication of every other
 * request (bearer token, API key, client certificate) follows {@code request-authentications}:
 * by default it is not recorded (OFF); BATCHED records it without making the request wait for an fsync.
 * <p>
 * A {@link SmartApplicationListener} rather than {@code @EventListener} methods: the success
 * event comes with every authenticated request, and the reflective method adapter cost about 1.5%
 * of such a request in a profile.
 */
final class SecurityEventAuditor implements SmartApplicationListener {

	private static final boolean BEARER_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken",
			SecurityEventAuditor.class.getClassLoader());

	private static final boolean PREAUTH_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken",
			SecurityEventAuditor.class.getClassLoader());

	private static final boolean OAUTH2_LOGIN_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken",
			SecurityEventAuditor.class.getClassLoader());

	/** Longest claimed user name kept for a failed sign-in. */
	static final int MAX_CLAIMED_NAME = 128;

	private final AuditRecorder recorder;

	private final BearerCredentialRouting routing;

	private final RequestAuthentications requestAuthentications;

	SecurityEventAuditor(AuditRecorder recorder, BearerCredentialRouting routing,
			RequestAuthentications requestAuthentications) {
		this.recorder = recorder;
		this.routing = routing;
		this.requestAuthentications = requestAuthentications;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return AuthenticationSuccessEvent.class.isAssignableFrom(eventType)
				|| AbstractAuthenticationFailureEvent.class.isAssignableFrom(eventType)
				|| AuthorizationDeniedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof AuthenticationSuccessEvent success) {
			onSuccess(success);
		}
		else if (event instanceof AbstractAuthenticationFailureEvent failure) {
			onFailure(failure);
		}
		else if (event instanceof AuthorizationDeniedEvent<?> denied) {
			onDenied(denied);
		}
	}

	public void onSuccess(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		boolean signIn = authentication instanceof UsernamePasswordAuthenticationToken
				|| authentication.getPrincipal() instanceof PalisadePrincipalHolder;
		if (!signIn && this.requestAuthentications == RequestAuthentications.OFF) {
			return;
		}
		AuditEvent audit = AuditEvent.builder()
			.action(actionOf(authentication))
			.actor(actorOf(authentication))
			.result(AuditResult.SUCCESS)
			.build();
		if (signIn || this.requestAuthentications == RequestAuthentications.SYNC) {
			this.recorder.record(audit);
		}
		else {
			this.recorder.recordBatched(audit);
		}
	}

	public void onFailure(AbstractAuthenticationFailureEvent event) {
		Authentication attempted = event.getAuthentication();
		if (OAUTH2_LOGIN_PRESENT && attempted instanceof OAuth2LoginAuthenticationToken) {
			// FederatedSignInFailureHandler records every failed OIDC/OAuth 2.0 sign-in, these included
			return;
		}
		AuditEvent.Builder builder = AuditEvent.builder()
			.action(actionOf(attempted))
			.result(AuditResult.FAILURE)
			.reasonCode(reasonOf(event.getException()));
		if (attempted instanceof UsernamePasswordAuthenticationToken && attempted.getName() != null) {
			// the claimed name helps spot password spraying; it is caller input, so it is cut
			String name = attempted.getName();
			builder.detail("claimedName", (name.length() > MAX_CLAIMED_NAME) ? name.substring(0, MAX_CLAIMED_NAME) : name);
		}
		this.recorder.record(builder.build());
	}

	public void onDenied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
		this.recorder.record(AuditEvent.builder()
			.action(AuditActions.AUTHORIZE)
			.actor(anonymous ? AuditActor.anonymous() : actorOf(authentication))
			.result(AuditResult.DENIED)
			.reasonCode(anonymous ? "authentication_required" : "access_denied")
			.build());
	}

	String actionOf(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof PalisadePrincipalHolder) {
			return AuditActions.FEDERATED_AUTHENTICATE;
		}
		if (authentication instanceof PalisadeAuthentication palisade) {
			return actionOf(palisade.getPrincipal().kind());
		}
		if (BEARER_PRESENT && authentication instanceof BearerTokenAuthenticationToken bearer) {
			return this.routing.isOpaque(bearer.getToken()) ? AuditActions.API_KEY_AUTHENTICATE
					: AuditActions.ACCESS_TOKEN_AUTHENTICATE;
		}
		if (authentication instanceof UsernamePasswordAuthenticationToken) {
			return AuditActions.PASSWORD_AUTHENTICATE;
		}
		if (PREAUTH_PRESENT && authentication instanceof PreAuthenticatedAuthenticationToken) {
			return AuditActions.CLIENT_CERT_AUTHENTICATE;
		}
		if (authentication != null && authentication.getPrincipal() instanceof PalisadePrincipal principal) {
			return actionOf(principal.kind());
		}
		return AuditActions.OTHER_AUTHENTICATE;
	}

	private static String actionOf(PrincipalKind kind) {
		return switch (kind) {
			case API_KEY -> AuditActions.API_KEY_AUTHENTICATE;
			case CLIENT_CERT -> AuditActions.CLIENT_CERT_AUTHENTICATE;
			case USER, SERVICE -> AuditActions.ACCESS_TOKEN_AUTHENTICATE;
		};
	}

	private static AuditActor actorOf(Authentication authentication) {
		if (authentication.getPrincipal() instanceof PalisadePrincipalHolder linked) {
			return AuditActor.of(linked.palisadePrincipal());
		}
		if (authentication.getPrincipal() instanceof PalisadePrincipal principal) {
			return AuditActor.of(principal);
		}
		if (authentication instanceof UsernamePasswordAuthenticationToken) {
			return new AuditActor(PrincipalKind.USER.wireName(), authentication.getName(), null);
		}
		return new AuditActor("other", null, null);
	}

	/** A bounded, non-secret reason: the verifier's reason when known, else the exception's kind. */
	static String reasonOf(AuthenticationException exception) {
		if (exception instanceof CredentialRejectedException rejected && rejected.reasonCode() != null) {
			return rejected.reasonCode().toLowerCase(Locale.ROOT);
		}
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidTokenException invalid) {
				return invalid.reason().name().toLowerCase(Locale.ROOT);
			}
		}
		String type = exception.getClass().getSimpleName();
		return switch (type) {
			case "BadCredentialsException", "UsernameNotFoundException" -> "bad_credentials";
			case "InvalidBearerTokenException" -> "invalid_token";
			case "DisabledException" -> "disabled";
			case "LockedException" -> "locked";
			case "AccountExpiredException" -> "account_expired";
			case "CredentialsExpiredException" -> "credentials_expired";
			default -> "rejected";
		};
	}
}
