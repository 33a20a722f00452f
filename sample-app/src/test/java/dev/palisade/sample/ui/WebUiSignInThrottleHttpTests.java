package dev.palisade.sample.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's sign-in form counts against the same sign-in throttle as the token endpoint, so it is
 * no way around it: after the free failures a further attempt, even with the right password, is
 * turned away unchecked, and the token endpoint refuses that username from that address too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys",
				"palisade.rate-limit.sign-in.base-delay=10m", "palisade.rate-limit.sign-in.max-delay=10m" })
class WebUiSignInThrottleHttpTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern COOKIE = Pattern.compile("PALISADE_SESSION=([^;]+)");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void failuresAtTheFormThrottleTheFormAndTheTokenEndpoint() throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(signIn("acme-dev", "wrong")).endsWith("/app/login?error");
		}
		assertThat(signIn("acme-dev", "acme-dev-password")).as("the right password, unchecked")
			.endsWith("/app/login?throttled");
		HttpResponse<String> token = this.http.send(at("/auth/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=acme-dev&password=acme-dev-password"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(429);
		assertThat(signIn("acme-admin", "acme-admin-password")).as("another user is not affected").endsWith("/app/");
	}

	@Test
	void wrongPasswordsAtTheTotpEndpointAreThrottledLikeSignIns() throws Exception {
		HttpResponse<String> signIn = this.http.send(at("/auth/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=password&username=platform-admin&password=platform-admin-password"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String token = signIn.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		assertThat(this.http.send(at("/auth/totp").header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
		for (int i = 0; i < 4; i++) {
			assertThat(confirm(token, "wrong")).isEqualTo(401);
		}
		// a stolen access token is no way to guess the password unthrottled: the sign-in is throttled too
		HttpResponse<String> throttled = this.http.send(at("/auth/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=password&username=platform-admin&password=platform-admin-password"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(throttled.statusCode()).isEqualTo(429);
	}

	private int confirm(String token, String password) throws Exception {
		return this.http.send(at("/auth/totp/confirm").header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"123456\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	/** Signs in through the form; where the sign-in sent the browser. */
	private String signIn(String username, String password) throws Exception {
		HttpResponse<String> page = this.http.send(at("/app/login").GET().build(), HttpResponse.BodyHandlers.ofString());
		Matcher session = COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(session.find() && csrf.find()).isTrue();
		HttpResponse<String> posted = this.http.send(at("/app/login").header("Cookie", "PALISADE_SESSION=" + session.group(1))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(302);
		return posted.headers().firstValue("Location").orElseThrow();
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}
}
