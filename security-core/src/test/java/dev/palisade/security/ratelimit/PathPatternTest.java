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

	/**
	 * The fast check that lets normal paths skip normalisation must agree with a plain reference
	 * normaliser on every path of up to seven characters over the characters that matter.
	 */
	@Test
	void fastNormalCheckAgreesWithAReferenceNormaliserOnEveryShortPath() {
		char[] alphabet = { '/', '.', ';', 'a' };
		int checked = 0;
		for (int length = 0; length <= 7; length++) {
			int combinations = (int) Math.pow(alphabet.length, length);
			for (int n = 0; n < combinations; n++) {
				StringBuilder path = new StringBuilder();
				for (int i = 0, rest = n; i < length; i++, rest /= alphabet.length) {
					path.append(alphabet[rest % alphabet.length]);
				}
				String candidate = path.toString();
				String expected = referenceNormalise(candidate);
				String actual = PathPattern.normalise(candidate);
				assertThat(actual).as(candidate).isEqualTo(expected);
				assertThat(actual == candidate).as(candidate).isEqualTo(expected.equals(candidate));
				checked++;
			}
		}
		assertThat(checked).isEqualTo(21_845);
	}

	private static String referenceNormalise(String path) {
		java.util.LinkedList<String> kept = new java.util.LinkedList<>();
		for (String segment : path.split("/")) {
			String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
			if (name.equals("..")) {
				if (!kept.isEmpty()) {
					kept.removeLast();
				}
			}
			else if (!name.isEmpty() && !name.equals(".")) {
				kept.add(name);
			}
		}
		return "/" + String.join("/", kept);
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
