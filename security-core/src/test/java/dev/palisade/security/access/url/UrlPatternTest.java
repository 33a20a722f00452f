package dev.palisade.security.access.url;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessDecision;
import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.DefaultPolicy;
import dev.palisade.security.access.ReasonCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grammar rate-limit policies share with the access rules: same syntax, same refusals. */
class UrlPatternTest {

	private static UrlAuthorizer publicOnly(String pattern) {
		return new UrlAuthorizer(UrlAccessRules.builder().publicPaths(pattern).build(),
				new AccessDecider(AccessModel.builder().build()), DefaultPolicy.DENY);
	}

	@ParameterizedTest
	@CsvSource({ "/api/**, /api, true", "/api/**, /api/a/b/c, true", "/api/**, /apix, false", "/api/*, /api/a, true",
			"/api/*, /api/a/b, false", "/api/*, /api, false", "/api/{id}/keys, /api/42/keys, true",
			"/api/{id}/keys, /api/42/43/keys, false", "/, /, true", "/, /a, false", "/**, /, true",
			"/auth/token, /auth/token, true", "/auth/token, /auth/Token, false", "/api/**, /api/, true",
			"/api/v1/**, /api//v1/a, true", "/auth/token, //auth//token, true", "/auth/token, /auth/token/, true",
			"/api/**, /ap, false", "/api/**, /, false", "/**, /anything/at/all, true", "/, //, true" })
	void matches(String pattern, String path, boolean expected) {
		assertThat(UrlPattern.parse(pattern).matches(path)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/auth/./token", "/auth/x/../token", "/auth/token;jsessionid=1", "/auth;x=y/token",
			"auth/token", "/../auth/token", "/auth/token/.", "/api/%2e%2e/admin", "/api\\..\\admin", "/api/\u0000" })
	void pathsTheAccessRulesRefuseAreRefusedHereToo(String path) {
		// the rate limiter used to normalise these while the access rules refused them
		assertThatThrownBy(() -> UrlPattern.parse("/auth/token").matches(path))
			.isInstanceOf(InvalidRequestPathException.class);
		assertThatThrownBy(() -> UrlPattern.parse("/**").matches(path)).isInstanceOf(InvalidRequestPathException.class);
		UrlAuthorizer authorizer = publicOnly("/auth/token");
		assertThatThrownBy(() -> authorizer.decide("POST", path, null)).isInstanceOf(InvalidRequestPathException.class);
	}

	@Test
	void theAccessRulesAndAPatternAgreeOnEveryShortPath() {
		char[] alphabet = { '/', '.', ';', 'a' };
		UrlPattern pattern = UrlPattern.parse("/a/**");
		UrlAuthorizer authorizer = publicOnly("/a/**");
		int checked = 0;
		for (int length = 1; length <= 7; length++) {
			int combinations = (int) Math.pow(alphabet.length, length);
			for (int n = 0; n < combinations; n++) {
				StringBuilder path = new StringBuilder("/");
				for (int i = 0, rest = n; i < length; i++, rest /= alphabet.length) {
					path.append(alphabet[rest % alphabet.length]);
				}
				String candidate = path.toString();
				Boolean byPattern;
				Boolean byRules;
				try {
					byPattern = pattern.matches(candidate);
				}
				catch (InvalidRequestPathException ex) {
					byPattern = null;
				}
				try {
					AccessDecision decision = authorizer.decide("GET", candidate, null);
					byRules = decision.reason() == ReasonCode.ALLOWED_PUBLIC;
				}
				catch (InvalidRequestPathException ex) {
					byRules = null;
				}
				assertThat(byPattern).as(candidate).isEqualTo(byRules);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(21_844);
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/**", "/api/a**", "/api/{id", "/api/x{id}", "/api/*.json", "/**/login", "/a/**/b" })
	void patternsOutsideTheGrammarFailAtStartUp(String pattern) {
		assertThatThrownBy(() -> UrlPattern.parse(pattern)).isInstanceOf(InvalidUrlRuleException.class);
	}

	@Test
	void aLongAttackerPathStillAnswersQuickly() {
		assertThat(UrlPattern.parse("/a/*/b/**").matches("/a/x" + "/b".repeat(100))).isTrue();
		assertThatThrownBy(() -> UrlPattern.parse("/a/**").matches("/a".repeat(5000)))
			.isInstanceOf(InvalidRequestPathException.class);
	}
}
