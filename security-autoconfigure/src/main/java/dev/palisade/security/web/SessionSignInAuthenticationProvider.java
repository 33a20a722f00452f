package dev.palisade.security.web;

import java.util.Optional;
import java.util.Set;

import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Form sign-in for the UI chain against the users of the token endpoint: the password through the
 * same {@link PasswordVerification} (same cost for unknown names), then the user's TOTP code when
 * enrolled (form field {@code totp}). Every failure is the same {@link BadCredentialsException},
 * whichever factor failed. The authentication's principal is a {@link PalisadePrincipal} of kind
 * user, as on the API.
 */
public final class SessionSignInAuthenticationProvider implements AuthenticationProvider {

	private final PalisadeUserDirectory users;

	private final PasswordVerification passwords;

	private final TotpService totp;

	/** @param totp the second factor, or {@code null} for none */
	public SessionSignInAuthenticationProvider(PalisadeUserDirectory users, PasswordVerification passwords,
			TotpService totp) {
		this.users = users;
		this.passwords = passwords;
		this.totp = totp;
	}

	/** Keeps the {@code totp} form field beside the user name and password. */
	public static AuthenticationDetailsSource<HttpServletRequest, SecondFactor> detailsSource() {
		return (request) -> new SecondFactor(request.getParameter("totp"));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || username.isBlank() || !(credentials instanceof String password)) {
			throw new BadCredentialsException("Bad credentials");
		}
		Optional<PalisadeUser> user = this.users.findByUsername(username);
		boolean passwordHolds = this.passwords.verify(user.map(PalisadeUser::passwordHash), password).authenticated();
		if (!passwordHolds || (this.totp != null && this.totp.isEnrolled(username) && !this.totp.verify(username,
				(authentication.getDetails() instanceof SecondFactor factor) ? factor.code() : null))) {
			throw new BadCredentialsException("Bad credentials");
		}
		PalisadeUser signedIn = user.get();
		PalisadePrincipal principal = new PalisadePrincipal(signedIn.username(), PrincipalKind.USER, signedIn.org(),
				signedIn.project(), signedIn.roles(), Set.of());
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				signedIn.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * The second factor a sign-in form sent.
	 *
	 * @param code the {@code totp} field, or {@code null}
	 */
	public record SecondFactor(String code) {

		@Override
		public String toString() {
			return "SecondFactor[present=" + (this.code != null) + "]";
		}
	}
}
