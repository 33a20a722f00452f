package dev.palisade.security.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * After a linked OIDC or OAuth 2.0 sign-in, keeps a {@link PalisadeAuthentication} in the session in
 * place of the provider's user, so {@code @AuthenticationPrincipal PalisadePrincipal me} works for
 * every signed-in user whichever way they signed in (and the provider's tokens and claims are not
 * copied into the session store), then sends the browser to the UI's start page.
 */
public final class FederatedSignInSuccessHandler implements AuthenticationSuccessHandler {

	private final SecurityContextRepository contexts;

	private final String target;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/**
	 * @param contexts the chain's security context repository (the session)
	 * @param target the path to send the browser to (for example {@code /app/})
	 */
	public FederatedSignInSuccessHandler(SecurityContextRepository contexts, String target) {
		this.contexts = contexts;
		this.target = target;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (!(authentication.getPrincipal() instanceof PalisadePrincipalHolder linked)) {
			// only the linking user services sign anyone in on this chain; anything else fails closed
			throw new IllegalStateException("A federated sign-in without a linked principal");
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(new PalisadeAuthentication(linked.palisadePrincipal()));
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		response.sendRedirect(request.getContextPath() + this.target);
	}
}
