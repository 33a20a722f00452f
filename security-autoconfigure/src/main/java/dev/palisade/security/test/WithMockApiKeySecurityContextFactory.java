package dev.palisade.security.test;

import java.util.Set;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** Builds the security context of {@link WithMockApiKey}. */
final class WithMockApiKeySecurityContextFactory implements WithSecurityContextFactory<WithMockApiKey> {

	@Override
	public SecurityContext createSecurityContext(WithMockApiKey annotation) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(MockApiKeys.authentication(annotation.keyId(), emptyToNull(annotation.org()),
				emptyToNull(annotation.project()), Set.of(annotation.scopes())));
		return context;
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}
}
