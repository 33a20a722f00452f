package dev.palisade.security.access.url;

import java.util.Optional;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UrlAccessRulesTest {

	private static final AccessModel MODEL = AccessModel.builder().role("r", "agents:read").build();

	private static final UrlAccessRules RULES = UrlAccessRules.builder()
		.publicPaths("/health", "/docs/**")
		.rule(null, "/api/**", UrlRequirement.authenticated())
		.rule("GET", "/api/orgs/{org}/projects/{project}/agents/**",
				UrlRequirement.permission(MODEL.require("agents:read")))
		.rule("POST", "/api/orgs/{org}/projects/{project}/agents", UrlRequirement.permission(MODEL.require("agents:write")))
		.rule(null, "/api/orgs/{org}/members/*", UrlRequirement.role("org:admin"))
		.rule("GET", "/api/orgs/{org}/members/me", UrlRequirement.authenticated())
		.rule(null, "/api/internal/**", UrlRequirement.denyAll())
		.rule(null, "/", UrlRequirement.publicAccess())
		.build();

	private static UrlMatch match(String method, String path) {
		return RULES.match(method, path).orElseThrow();
	}

	@Test
	void publicPathsMatchAnyMethodAndTheirSubtree() {
		assertThat(match("GET", "/health").requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
		assertThat(match("POST", "/docs").requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
		assertThat(match("GET", "/docs/a/b/c.html").requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
		assertThat(match("GET", "/").requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
	}

	@Test
	void aGetRuleGuardsHeadBecauseHeadRunsTheGetHandler() {
		UrlMatch head = match("HEAD", "/api/orgs/acme/projects/p1/agents/7");
		assertThat(head.requirement().permission()).hasToString("agents:read");
		assertThat(head.target()).isEqualTo(Scope.project("acme", "p1"));
		assertThat(match("HEAD", "/api/orgs/acme/members/me").requirement().kind())
			.isEqualTo(UrlRequirement.Kind.AUTHENTICATED);
		UrlAccessRules headRule = UrlAccessRules.builder()
			.rule("GET", "/x", UrlRequirement.authenticated())
			.rule("HEAD", "/x", UrlRequirement.publicAccess())
			.build();
		assertThat(headRule.match("HEAD", "/x").orElseThrow().requirement().kind())
			.as("a rule written for HEAD still wins")
			.isEqualTo(UrlRequirement.Kind.PUBLIC);
	}

	@Test
	void publicPathIsExactNotAPrefix() {
		assertThat(RULES.match("GET", "/healthz")).isEmpty();
		assertThat(RULES.match("GET", "/health/secret")).isEmpty();
	}

	@Test
	void theMostSpecificPatternWinsAndCapturesTheTargetScope() {
		UrlMatch read = match("GET", "/api/orgs/acme/projects/p1/agents/7");
		assertThat(read.requirement().permission()).hasToString("agents:read");
		assertThat(read.target()).isEqualTo(Scope.project("acme", "p1"));
		assertThat(read.pattern()).isEqualTo("/api/orgs/{org}/projects/{project}/agents/**");
		UrlMatch members = match("DELETE", "/api/orgs/acme/members/u9");
		assertThat(members.requirement().role()).isEqualTo("org:admin");
		assertThat(members.target()).isEqualTo(Scope.org("acme"));
	}

	@Test
	void literalSegmentBeatsVariableAndMethodSpecificRuleBeatsAnyMethod() {
		assertThat(match("GET", "/api/orgs/acme/members/me").requirement().kind())
			.isEqualTo(UrlRequirement.Kind.AUTHENTICATED);
		// no DELETE rule on the literal 'me': the variable rule applies
		assertThat(match("DELETE", "/api/orgs/acme/members/me").requirement().kind())
			.isEqualTo(UrlRequirement.Kind.ROLE);
	}

	@Test
	void aMethodWithoutARuleFallsBackToTheNextMatchingPattern() {
		// the POST rule is exact: GET on the same path backtracks to GET .../agents/** (zero segments)
		assertThat(match("GET", "/api/orgs/acme/projects/p1/agents").requirement().permission())
			.hasToString("agents:read");
		// PUT has no specific rule anywhere below /api: the catch-all applies
		assertThat(match("PUT", "/api/orgs/acme/projects/p1/agents").requirement().kind())
			.isEqualTo(UrlRequirement.Kind.AUTHENTICATED);
		assertThat(match("POST", "/api/orgs/acme/projects/p1/agents").requirement().permission())
			.hasToString("agents:write");
	}

	@Test
	void pathWithoutTenantVariablesTargetsThePlatform() {
		assertThat(match("GET", "/api/internal/keys").target()).isEqualTo(Scope.platform());
		assertThat(match("GET", "/api/internal/keys").requirement().kind()).isEqualTo(UrlRequirement.Kind.DENY);
	}

	@Test
	void unmatchedPathHasNoRule() {
		assertThat(RULES.match("GET", "/admin")).isEqualTo(Optional.empty());
	}

	@Test
	void emptySegmentsAndTrailingSlashMatchLikeTheCanonicalPath() {
		assertThat(match("GET", "//api//orgs/acme/projects/p1/agents/").target()).isEqualTo(Scope.project("acme", "p1"));
		assertThat(match("GET", "/health/").requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/docs/../api/internal/keys", "/docs/./x", "/health;jsessionid=1", "/api/%2e%2e/x",
			"/docs\\..\\api", "relative/path", "", "/api/a\u0000b" })
	void pathsThatCouldBypassARuleAreRejected(String path) {
		assertThatExceptionOfType(InvalidRequestPathException.class).isThrownBy(() -> RULES.match("GET", path))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(path.isEmpty() ? "\u0001" : path));
	}

	@Test
	void tooDeepPathsAreRejected() {
		assertThatExceptionOfType(InvalidRequestPathException.class)
			.isThrownBy(() -> RULES.match("GET", "/a".repeat(RequestPath.MAX_SEGMENTS + 1)));
	}

	@Test
	void malformedPatternsAreRejectedAtStartUp() {
		UrlAccessRules.Builder builder = UrlAccessRules.builder();
		UrlRequirement any = UrlRequirement.authenticated();
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "api", any));
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "/a/**/b", any));
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "/a/*.json", any));
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "/a//b", any));
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "/a/../b", any));
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "/p/{project}", any))
			.withMessageContaining("{org}");
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule("get", "/a", any));
		assertThatExceptionOfType(InvalidUrlRuleException.class).isThrownBy(() -> builder.rule(null, "/a", null));
	}

	@Test
	void twoRulesForTheSameMethodAndShapeAreAmbiguous() {
		UrlAccessRules.Builder builder = UrlAccessRules.builder().rule("GET", "/orgs/{org}", UrlRequirement.authenticated());
		assertThatExceptionOfType(InvalidUrlRuleException.class)
			.isThrownBy(() -> builder.rule("GET", "/orgs/*", UrlRequirement.denyAll()))
			.withMessageContaining("GET /orgs/*");
		builder.rule("POST", "/orgs/{org}", UrlRequirement.denyAll());
		assertThat(builder.build().describe()).containsExactly("GET /orgs/{org} -> authenticated",
				"POST /orgs/{org} -> deny");
	}
}
