package dev.palisade.security.access.url;

import java.util.List;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.DefaultPolicy;
import dev.palisade.security.access.ReasonCode;
import dev.palisade.security.access.RoleBinding;
import dev.palisade.security.access.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlAuthorizerTest {

	private static final AccessModel MODEL = AccessModel.builder()
		.role("org:admin", "members:*")
		.role("project:viewer", "agents:read")
		.inherits("org:admin", "project:viewer")
		.build();

	private static final UrlAccessRules RULES = UrlAccessRules.builder()
		.publicPaths("/health")
		.rule("GET", "/orgs/{org}/projects/{project}/agents/**", UrlRequirement.permission(MODEL.require("agents:read")))
		.rule(null, "/orgs/{org}/members/**", UrlRequirement.role("org:admin"))
		.rule(null, "/me", UrlRequirement.authenticated())
		.rule(null, "/internal/**", UrlRequirement.denyAll())
		.build();

	private static final AccessSubject VIEWER = AccessSubject.of("v",
			List.of(new RoleBinding("project:viewer", Scope.project("acme", "p1"))), List.of());

	private static final AccessSubject ADMIN = AccessSubject.of("a",
			List.of(new RoleBinding("org:admin", Scope.org("acme"))), List.of());

	private final UrlAuthorizer denyByDefault = new UrlAuthorizer(RULES, new AccessDecider(MODEL), DefaultPolicy.DENY);

	private final UrlAuthorizer authenticatedByDefault = new UrlAuthorizer(RULES, new AccessDecider(MODEL),
			DefaultPolicy.AUTHENTICATED);

	private ReasonCode deny(String method, String path, AccessSubject subject) {
		return this.denyByDefault.decide(method, path, subject).reason();
	}

	@Test
	void publicPathNeedsNoCaller() {
		assertThat(deny("GET", "/health", null)).isEqualTo(ReasonCode.ALLOWED_PUBLIC);
	}

	@Test
	void unannotatedEndpointIsRefusedUnderDenyPolicy() {
		assertThat(deny("GET", "/reports", ADMIN)).isEqualTo(ReasonCode.DENIED_NO_RULE);
		assertThat(deny("GET", "/reports", null)).isEqualTo(ReasonCode.DENIED_UNAUTHENTICATED);
	}

	@Test
	void unannotatedEndpointNeedsOnlyAuthenticationUnderAuthenticatedPolicy() {
		assertThat(this.authenticatedByDefault.decide("GET", "/reports", VIEWER).reason())
			.isEqualTo(ReasonCode.ALLOWED_AUTHENTICATED);
		assertThat(this.authenticatedByDefault.decide("GET", "/reports", null).reason())
			.isEqualTo(ReasonCode.DENIED_UNAUTHENTICATED);
	}

	@Test
	void permissionRuleChecksTheScopeNamedByThePath() {
		assertThat(deny("GET", "/orgs/acme/projects/p1/agents", VIEWER)).isEqualTo(ReasonCode.ALLOWED_PROJECT_ROLE);
		assertThat(deny("GET", "/orgs/acme/projects/p2/agents", VIEWER)).isEqualTo(ReasonCode.DENIED_OTHER_PROJECT);
		assertThat(deny("GET", "/orgs/globex/projects/p1/agents", VIEWER)).isEqualTo(ReasonCode.DENIED_OTHER_TENANT);
		assertThat(deny("GET", "/orgs/acme/projects/p9/agents/3", ADMIN)).isEqualTo(ReasonCode.ALLOWED_ORG_ROLE);
		assertThat(deny("GET", "/orgs/acme/projects/p1/agents", null)).isEqualTo(ReasonCode.DENIED_UNAUTHENTICATED);
	}

	@Test
	void roleRuleChecksTheScopeNamedByThePath() {
		assertThat(deny("DELETE", "/orgs/acme/members/u1", ADMIN)).isEqualTo(ReasonCode.ALLOWED_ORG_ROLE);
		assertThat(deny("DELETE", "/orgs/globex/members/u1", ADMIN)).isEqualTo(ReasonCode.DENIED_OTHER_TENANT);
		assertThat(deny("DELETE", "/orgs/acme/members/u1", VIEWER)).isEqualTo(ReasonCode.DENIED_INSUFFICIENT_SCOPE);
	}

	@Test
	void authenticatedAndDenyRules() {
		assertThat(deny("GET", "/me", VIEWER)).isEqualTo(ReasonCode.ALLOWED_AUTHENTICATED);
		assertThat(deny("GET", "/internal/keys", ADMIN)).isEqualTo(ReasonCode.DENIED_BY_RULE);
	}
}
