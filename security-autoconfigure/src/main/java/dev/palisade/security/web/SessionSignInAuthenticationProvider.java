package dev.palisade.security.web;

import java.io.Serializable;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.SignInAttempt;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.totp.TotpStoreException;
import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Form sign-in for the UI chain against the users of the token endpoint: the password through the
 * same {@link PasswordVerification} (same cost for unknown names), then the user's TOTP code when
 * enrolled (form field {@code totp}). Every failure is the same {@link BadCredentialsException},
 * whichever factor failed, and counts against the same {@link SignInThrottle} as the token
 * endpoint's (per username and client address), so the form is no way around it; a throttled
 * attempt is a {@link SignInThrottledException} and is not checked at all. The authentication's
 * principal is a {@link PalisadePrincipal} of kind user, as on the API.
 */
public final class SessionSignInAuthenticationProvider implements AuthenticationProvider {

	private final PalisadeUserDirectory users;

	private final PasswordVerification passwords;

	private final TotpService totp;

	private final SignInThrottle throttle;

	/**
	 * @param totp the second factor, or {@code null} for none
	 * @param throttle the failure throttle the token endpoint uses too, or {@code null} for none
	 */
	public SessionSignInAuthenticationProvider(PalisadeUserDirectory users, PasswordVerification passwords,
			TotpService totp, SignInThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.totp = totp;
		this.throttle = throttle;
	}

	/** Keeps the {@code totp} form field and the client address beside the user name and password. */
	public static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> detailsSource(
			ClientIpResolver clientIpResolver) {
		return (request) -> new SignInDetails(request.getParameter("totp"),
				ClientAddresses.of(request, clientIpResolver));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || username.isBlank() || !(credentials instanceof String password)) {
			throw new BadCredentialsException("Bad credentials");
		}
		SignInDetails details = (authentication.getDetails() instanceof SignInDetails known) ? known
				: new SignInDetails(null, null);
		SignInAttempt attempt = (this.throttle != null && details.client() != null)
				? this.throttle.attempt(username, details.client()) : null;
		if (attempt != null && !attempt.allowed()) {
			throw new SignInThrottledException();
		}
		Optional<PalisadeUser> user = this.users.findByUsername(username);
		boolean passwordHolds = this.passwords.verify(user.map(PalisadeUser::passwordHash), password).authenticated();
		boolean holds;
		try {
			holds = passwordHolds
					&& (this.totp == null || !this.totp.isEnrolled(username) || this.totp.verify(username, details.code()));
		}
		catch (TotpStoreException ex) {
			// the second factor cannot be checked: fail closed, without counting it against the user
			throw new AuthenticationServiceException("Second factors are unavailable");
		}
		if (attempt != null) {
			if (holds) {
				attempt.succeeded();
			}
			else {
				attempt.failed();
			}
		}
		if (!holds) {
			throw new BadCredentialsException("Bad credentials");
		}
		PalisadeUser signedIn = user.get();
		PalisadePrincipal principal = new PalisadePrincipal(signedIn.username(), PrincipalKind.USER, signedIn.org(),
				signedIn.project(), signedIn.roles(), Set.of());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				signedIn.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
		// the session keeps the result: the client address, never the code the form carried
		result.setDetails(new SignInDetails(null, details.client()));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * What a sign-in form sent beside the name and password.
	 *
	 * @param code the {@code totp} field, or {@code null}
	 * @param client the client address (through the trusted proxies), or {@code null}
	 */
	public record SignInDetails(String code, InetAddress client) implements Serializable {

		@Override
		public String toString() {
			return "SignInDetails[code=" + ((this.code != null) ? "present" : "absent") + ", client=" + this.client + "]";
		}
	}

	/** Too many failed sign-ins for this username from this address: nothing was checked. */
	public static final class SignInThrottledException extends AuthenticationException {

		private static final long serialVersionUID = 1L;

		SignInThrottledException() {
			super("Too many failed sign-ins");
		}
	}
}
