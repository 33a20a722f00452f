package dev.palisade.security.web;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The TLS client certificate as a credential on the API chain (mutual TLS). Where mTLS is required
 * ({@code requiredPaths}) the certificate is the only credential accepted: without one, or with a
 * token or key beside it, the request is 401. Elsewhere a certificate authenticates a request that
 * carries no other credential; beside a token it is left to bind that token (RFC 8705,
 * {@link CertificateBoundTokenFilter}). Failures are answered by the chain's entry point (401
 * problem+json) and audited through the authentication events. Behind a TLS-terminating proxy the
 * certificate may come from the proxy's header ({@link ForwardedCertificates}), believed only from a
 * trusted proxy.
 */
public final class ClientCertificateAuthenticationFilter extends OncePerRequestFilter {

	/** Where the servlet container puts the TLS client's certificate chain. */
	public static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

	private final AuthenticationManager authenticationManager;

	private final RequestMatcher requiredPaths;

	private final Predicate<HttpServletRequest> otherCredential;

	private final AuthenticationEntryPoint entryPoint;

	private final ForwardedCertificates forwarded;

	private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/**
	 * @param otherCredential whether a request carries a token or key (so the certificate is not its credential)
	 */
	public ClientCertificateAuthenticationFilter(AuthenticationManager authenticationManager,
			RequestMatcher requiredPaths, Predicate<HttpServletRequest> otherCredential,
			AuthenticationEntryPoint entryPoint, ForwardedCertificates forwarded) {
		this.authenticationManager = authenticationManager;
		this.requiredPaths = requiredPaths;
		this.otherCredential = otherCredential;
		this.entryPoint = entryPoint;
		this.forwarded = forwarded;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		X509Certificate[] certificates = (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] presented
				&& presented.length > 0) ? presented : this.forwarded.from(request);
		if (certificates != null) {
			// the binding check of certificate-bound tokens reads it here too, wherever it came from
			request.setAttribute(CERTIFICATES, certificates);
		}
		boolean required = this.requiredPaths.matches(request);
		boolean otherCredential = this.otherCredential.test(request);
		if (required && (certificates == null || otherCredential)) {
			this.entryPoint.commence(request, response, (certificates == null)
					? new InsufficientAuthenticationException("A client certificate is required")
					: new CredentialRejectedException("client_certificate_only"));
			return;
		}
		if (certificates == null || otherCredential) {
			chain.doFilter(request, response);
			return;
		}
		try {
			Authentication result = this.authenticationManager
				.authenticate(new PreAuthenticatedAuthenticationToken(null, certificates));
			SecurityContext context = this.holder.createEmptyContext();
			context.setAuthentication(result);
			this.holder.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		catch (AuthenticationException ex) {
			this.holder.clearContext();
			this.entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}
}
