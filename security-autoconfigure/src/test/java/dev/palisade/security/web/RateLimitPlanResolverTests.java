package dev.palisade.security.web;

import java.util.Map;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitPlanResolverTests {

	private final RateLimitPlanResolver resolver = RateLimitPlanResolver.fromAttribute("tier");

	private static PalisadeAuthentication as(PrincipalKind kind, Map<String, Object> attributes) {
		return new PalisadeAuthentication(new PalisadePrincipal("s", kind, "acme", null, Set.of(), Set.of()), attributes);
	}

	@Test
	void aTokenCarriesItsPlanInTheConfiguredClaim() {
		assertThat(this.resolver.planOf(as(PrincipalKind.USER, Map.of("tier", "pro")))).isEqualTo("pro");
		assertThat(this.resolver.planOf(as(PrincipalKind.USER, Map.of("plan", "pro")))).isNull();
	}

	@Test
	void anApiKeyCarriesItsPlanInTheKeysPlanAttributeWhateverTheClaimIsCalled() {
		assertThat(this.resolver.planOf(as(PrincipalKind.API_KEY, Map.of(ApiKeyAuthenticationProvider.PLAN_ATTRIBUTE, "free"))))
			.isEqualTo("free");
		assertThat(this.resolver.planOf(as(PrincipalKind.API_KEY, Map.of("tier", "pro")))).isNull();
	}

	@Test
	void blankOrMissingPlansAreNone() {
		assertThat(this.resolver.planOf(as(PrincipalKind.USER, Map.of("tier", " ")))).isNull();
		assertThat(this.resolver.planOf(as(PrincipalKind.USER, Map.of()))).isNull();
		assertThat(this.resolver.planOf(null)).isNull();
	}
}
