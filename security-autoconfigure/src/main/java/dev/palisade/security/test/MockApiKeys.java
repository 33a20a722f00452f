package dev.palisade.security.test;

import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.web.PalisadeAuthentication;

/** The authentication a verified API key produces, built without a key. */
final class MockApiKeys {

	private MockApiKeys() {
	}

	static PalisadeAuthentication authentication(String keyId, String org, String project, Set<String> scopes) {
		return new PalisadeAuthentication(new PalisadePrincipal(keyId, PrincipalKind.API_KEY, org, project, Set.of(),
				scopes));
	}
}
