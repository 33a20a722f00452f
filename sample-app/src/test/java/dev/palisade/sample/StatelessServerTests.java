package dev.palisade.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real server (MockMvc writes no session cookie): no Palisade response sets a cookie, so
 * nothing but the bearer credential itself can authenticate a later request, and revoking the
 * token ends its access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "palisade.tokens.signing.directory=target/test-keys")
class StatelessServerTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	@Test
	void noResponseSetsACookieAndARevokedTokenEndsAccess() throws Exception {
		HttpResponse<String> signIn = send(at("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=acme-dev&password=acme-dev-password")));
		assertThat(signIn.statusCode()).isEqualTo(200);
		assertThat(signIn.headers().allValues("Set-Cookie")).isEmpty();
		String token = (String) JsonMapper.builder().build().readValue(signIn.body(), Map.class).get("access_token");

		HttpResponse<String> me = send(at("/api/v1/me").header("Authorization", "Bearer " + token));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.headers().allValues("Set-Cookie")).as("an authenticated request").isEmpty();

		HttpResponse<String> anonymous = send(at("/api/v1/me"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();

		HttpResponse<String> revoke = send(at("/auth/revoke").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
		assertThat(revoke.statusCode()).isEqualTo(200);
		assertThat(send(at("/api/v1/me").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(401);
	}
}
