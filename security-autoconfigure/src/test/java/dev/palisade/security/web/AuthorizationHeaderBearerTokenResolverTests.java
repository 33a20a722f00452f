package dev.palisade.security.web;

import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Palisade's regex-free resolver answers exactly as Spring's default resolver. */
class AuthorizationHeaderBearerTokenResolverTests {

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final AuthorizationHeaderBearerTokenResolver palisade = new AuthorizationHeaderBearerTokenResolver();

	private static String answer(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
			String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			return "token:" + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused:" + ex.getError().getErrorCode() + ":" + ex.getError().getDescription();
		}
	}

	private void same(String header) {
		assertThat(answer(this.palisade, header)).as(Objects.toString(header)).isEqualTo(answer(this.spring, header));
	}

	@Test
	void namedCases() {
		String[] headers = { null, "", "Basic dXNlcjpwYXNz", "Bearer abc.def-ghi_jkl~mno+pqr/stu==", "bearer abc",
				"BEARER abc", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer abc=", "Bearer abc=d",
				"Bearer =abc", "Bearerabc", "Bearer\tabc", "Bearer abc\n", "Bearer ab\u00e9", "Bear abc", "bearer",
				"Bearer pal_live_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWX_12345678", "DPoP abc", "Bearer abc ", " Bearer abc" };
		for (String header : headers) {
			same(header);
		}
		assertThat(answer(this.palisade, "Bearer abc")).isEqualTo("token:abc");
		assertThat(answer(this.palisade, "Bearer a b")).startsWith("refused:invalid_token");
	}

	@Test
	void randomHeaders() {
		Random random = new Random(7);
		String alphabet = "Bbearer BEARER aZ09-._~+/= \t\u00e9";
		for (int n = 0; n < 50_000; n++) {
			StringBuilder header = new StringBuilder();
			if (random.nextBoolean()) {
				header.append(random.nextBoolean() ? "Bearer " : "bearer");
			}
			int length = random.nextInt(10);
			for (int i = 0; i < length; i++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			same(header.toString());
		}
	}
}
