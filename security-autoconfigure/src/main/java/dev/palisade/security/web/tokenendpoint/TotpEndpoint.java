package dev.palisade.security.web.tokenendpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.SignInAttempt;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.totp.TotpSetup;
import dev.palisade.security.totp.TotpStoreException;
import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in user's TOTP enrolment ({@code palisade.totp.path}, {@code /auth/totp} by default):
 * {@code POST} starts one and answers the secret, the otpauth URI and the recovery codes once;
 * {@code POST .../confirm} with {@code {"code":"123456"}} confirms it, after which every password
 * sign-in needs a code; {@code DELETE} with a code ends it. When the users come from a directory,
 * confirming and removing also need the user's {@code password}, so a stolen access token alone
 * cannot put a second factor on someone's account and lock them out. Only users (not API keys or
 * services) enrol. A wrong code or password is 401 problem+json (which of the two is not said);
 * answers are never cached.
 */
@RestController
public class TotpEndpoint {

	private final TotpService totp;

	private final AuditRecorder auditRecorder;

	private final PalisadeUserDirectory users;

	private final PasswordVerification passwords;

	private final SignInThrottle signInThrottle;

	private final ClientIpResolver clientIpResolver;

	/**
	 * @param totp the enrolments
	 * @param auditRecorder where every confirmation and removal is recorded, or {@code null}
	 * @param users the users whose password confirming and removing need, or {@code null} for none
	 * @param passwords checks those passwords (required with {@code users})
	 * @param signInThrottle counts wrong passwords here as at sign-in, so a stolen access token is
	 * no way to guess the password unthrottled; or {@code null}
	 * @param clientIpResolver finds the client address for the throttle
	 */
	public TotpEndpoint(TotpService totp, AuditRecorder auditRecorder, PalisadeUserDirectory users,
			PasswordVerification passwords, SignInThrottle signInThrottle, ClientIpResolver clientIpResolver) {
		this.totp = totp;
		this.auditRecorder = auditRecorder;
		this.users = (passwords != null) ? users : null;
		this.passwords = passwords;
		this.signInThrottle = signInThrottle;
		this.clientIpResolver = (clientIpResolver != null) ? clientIpResolver : ClientIpResolver.direct();
	}

	@PostMapping("${palisade.totp.path:/auth/totp}")
	ResponseEntity<?> enroll(@AuthenticationPrincipal PalisadePrincipal me, HttpServletRequest request) {
		if (!isUser(me)) {
			return problem(HttpStatus.FORBIDDEN, "Only a signed-in user can enrol a second factor", request);
		}
		if (this.totp.isEnrolled(me.subject())) {
			return problem(HttpStatus.CONFLICT, "A second factor is already enrolled; remove it first", request);
		}
		TotpSetup setup = this.totp.enroll(me.subject());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("secret", setup.secret());
		body.put("otpauth_uri", setup.uri());
		body.put("recovery_codes", setup.recoveryCodes());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
	}

	@PostMapping("${palisade.totp.path:/auth/totp}/confirm")
	ResponseEntity<?> confirm(@AuthenticationPrincipal PalisadePrincipal me, @RequestBody Map<String, Object> body,
			HttpServletRequest request) {
		if (!isUser(me)) {
			return problem(HttpStatus.FORBIDDEN, "Only a signed-in user can enrol a second factor", request);
		}
		return outcome(me, "confirm", passwordHolds(me, body, request) && this.totp.confirm(me.subject(), code(body)),
				request);
	}

	@DeleteMapping("${palisade.totp.path:/auth/totp}")
	ResponseEntity<?> disable(@AuthenticationPrincipal PalisadePrincipal me, @RequestBody Map<String, Object> body,
			HttpServletRequest request) {
		if (!isUser(me)) {
			return problem(HttpStatus.FORBIDDEN, "Only a signed-in user can enrol a second factor", request);
		}
		return outcome(me, "remove", passwordHolds(me, body, request) && this.totp.disable(me.subject(), code(body)),
				request);
	}

	private ResponseEntity<?> outcome(PalisadePrincipal me, String operation, boolean accepted,
			HttpServletRequest request) {
		if (this.auditRecorder != null) {
			this.auditRecorder.record(AuditEvent.builder()
				.action(AuditActions.SECOND_FACTOR)
				.actor(AuditActor.of(me))
				.result(accepted ? AuditResult.SUCCESS : AuditResult.FAILURE)
				.reasonCode(accepted ? null : "bad_code_or_password")
				.detail("operation", operation)
				.build());
		}
		return accepted ? ResponseEntity.noContent().build()
				: problem(HttpStatus.UNAUTHORIZED, "The code is not valid", request);
	}

	/** The enrolment store is down: nothing changed. */
	@org.springframework.web.bind.annotation.ExceptionHandler(TotpStoreException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(HttpServletRequest request) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Second factors are unavailable; try again later", request);
	}

	private boolean passwordHolds(PalisadePrincipal me, Map<String, Object> body, HttpServletRequest request) {
		if (this.users == null) {
			return true;
		}
		SignInAttempt attempt = (this.signInThrottle != null)
				? this.signInThrottle.attempt(me.subject(), ClientAddresses.of(request, this.clientIpResolver)) : null;
		if (attempt != null && !attempt.allowed()) {
			return false; // throttled: not checked at all
		}
		Object password = (body != null) ? body.get("password") : null;
		boolean holds = (password instanceof String raw) && this.passwords
			.verify(this.users.findByUsername(me.subject()).map(PalisadeUser::passwordHash), raw)
			.authenticated();
		if (attempt != null) {
			if (holds) {
				attempt.succeeded();
			}
			else {
				attempt.failed();
			}
		}
		return holds;
	}

	private static boolean isUser(PalisadePrincipal me) {
		return me != null && me.kind() == PrincipalKind.USER;
	}

	private static String code(Map<String, Object> body) {
		return (body != null && body.get("code") instanceof String code) ? code.strip() : null;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.cacheControl(CacheControl.noStore())
			.body(problem);
	}
}
