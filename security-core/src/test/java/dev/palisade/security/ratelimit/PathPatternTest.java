package dev.palisade.security.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathPatternTest {

	@ParameterizedTest
	@CsvSource({ "/api/**, /api, true", "/api/**, /api/a/b/c, true", "/api/**, /apix, false", "/api/*, /api/a, true",
			"/api/*, /api/a/b, false", "/api/*, /api, false", "/api/{id}/keys, /api/42/keys, true",
			"/api/{id}/keys, /api/42/43/keys, false", "/**/login, /login, true", "/**/login, /a/b/login, true",
			"/**/login, /a/b/login/x, false", "/api/*.json, /api/x.json, true", "/api/*.json, /api/x.xml, false",
			"/a/**/b/**/c, /a/x/b/y/z/c, true", "/a/**/b/**/c, /a/x/y/c, false", "/, /, true", "/, /a, false",
			"/**, /, true", "/auth/token, /auth/token, true", "/auth/token, /auth/Token, false" })
	void matches(String pattern, String path, boolean expected) {
		assertThat(PathPattern.compile(pattern).matches(path)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "/api/**, /api, true", "/api/**, /api/, true", "/api/**, /api/v1/x, true", "/api/**, /apix, false",
			"/api/**, /ap, false", "/api/**, /, false", "/api/v1/**, /api/v1, true", "/api/v1/**, /api/v1x/a, false",
			"/api/v1/**, /api//v1/a, true", "/api/v1/**, /api/x/../v1/a, true", "/api/v1/**, /api/v1/../../x, false",
			"/api/v1/**, /api;x=1/v1/a, true", "/api/**/**, /api/a, true", "/**, /anything/at/all, true",
			"/**, '', true", "/api/**, /api/./x, true", "/api/**, /x/../api, true", "/api/**, /api/../x, false" })
	void literalPrefixPatternsMatchLikeTheSegmentMatcher(String pattern, String path, boolean expected) {
		assertThat(PathPattern.compile(pattern).matches(path)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/auth/token/", "//auth//token", "/auth/./token", "/auth/x/../token", "/auth/token;jsessionid=1",
			"/auth;x=y/token", "auth/token", "/../auth/token", "/auth/token/." })
	void pathTricksCannotSlipPastAPolicy(String path) {
		assertThat(PathPattern.compile("/auth/token").matches(path)).isTrue();
	}

	@Test
	void normalisationLeavesNormalPathsAlone() {
		String path = "/api/agents/7";
		assertThat(PathPattern.normalise(path)).isSameAs(path);
		assertThat(PathPattern.normalise("")).isEqualTo("/");
		assertThat(PathPattern.normalise("/a/..")).isEqualTo("/");
		assertThat(PathPattern.normalise("/a/.b/..c")).isEqualTo("/a/.b/..c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/**", "/api/a**", "/api/{id", "/api/x{id}" })
	void invalidPatternsFailAtStartUp(String pattern) {
		assertThatThrownBy(() -> PathPattern.compile(pattern)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void manyDoubleWildcardsAgainstALongAttackerPathStillAnswer() {
		PathPattern pattern = PathPattern.compile("/**/a/**/a/**/a/**/a/**/b");
		String path = "/a".repeat(5000);
		assertThat(pattern.matches(path)).isFalse();
	}
}
