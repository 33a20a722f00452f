package dev.palisade.security.web;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.x509.CertificateThumbprints;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 8705 certificate-bound access tokens: after the token was authenticated (verified, or found
 * in the verifier's cache), a token whose claims carry {@code cnf.x5t#S256} holds only on a request
 * that presents that very certificate over TLS; without it, or with another one, the request is 401
 * {@code invalid_token} and an audit record. It runs on every authenticated request, so the cached path is held to it
 * like the first verification.
 */
public final class CertificateBoundTokenFilter extends OncePerRequestFilter {

	private final AuthenticationEntryPoint entryPoint;

	private final AuditRecorder auditRecorder;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/** @param auditRecorder where refusals are recorded, or {@code null} */
	public CertificateBoundTokenFilter(AuthenticationEntryPoint entryPoint, AuditRecorder auditRecorder) {
		this.entryPoint = entryPoint;
		this.auditRecorder = auditRecorder;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.holder.getContext().getAuthentication();
		if (authentication instanceof PalisadeAuthentication palisade
				&& palisade.getAttributes().get("cnf") instanceof Map<?, ?> confirmation
				&& confirmation.containsKey("x5t#S256")) {
			Object bound = confirmation.get("x5t#S256");
			X509Certificate[] presented = (request.getAttribute(ClientCertificateAuthenticationFilter.CERTIFICATES)
					instanceof X509Certificate[] certificates && certificates.length > 0) ? certificates : null;
			if (presented == null || !(bound instanceof String thumbprint)
					|| !CertificateThumbprints.matches(thumbprint, presented[0])) {
				this.holder.clearContext();
				if (this.auditRecorder != null) {
					this.auditRecorder.record(AuditEvent.builder()
						.action(AuditActions.ACCESS_TOKEN_AUTHENTICATE)
						.actor(AuditActor.of(palisade.getPrincipal()))
						.result(AuditResult.FAILURE)
						.reasonCode("certificate_binding")
						.build());
				}
				this.entryPoint.commence(request, response, new CredentialRejectedException("certificate_binding"));
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
