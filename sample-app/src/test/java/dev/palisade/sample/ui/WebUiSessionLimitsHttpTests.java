package dev.palisade.sample.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The UI session's limits over real HTTP: the idle timeout (Spring Session's, on the system clock),
 * the absolute timeout however busy the session is (on a clock the test moves), and the cap on
 * sessions per user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
				"palisade.session.idle-timeout=2s", "palisade.session.absolute-timeout=4s",
				"palisade.session.maximum-sessions=2" })
class WebUiSessionLimitsHttpTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern COOKIE = Pattern.compile("PALISADE_SESSION=([^;]+)");

	private static final MovableClock CLOCK = new MovableClock();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anIdleSessionEndsAfterTheIdleTimeout() throws Exception {
		String session = signIn("acme-dev");
		assertThat(status(session)).isEqualTo(200);
		// Spring Session's in-memory store reads the system clock for idleness, so this one waits: the
		// first look is after the 2 s idle timeout (a look any sooner would keep the session alive)
		await().pollDelay(Duration.ofMillis(2_100))
			.pollInterval(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(5))
			.until(() -> status(session) == 302);
		assertThat(status(session)).isEqualTo(302);
	}

	@Test
	void aBusySessionEndsAtTheAbsoluteTimeout() throws Exception {
		String session = signIn("acme-admin");
		for (int second = 0; second < 3; second++) {
			assertThat(status(session)).isEqualTo(200);
			CLOCK.advance(Duration.ofSeconds(1));
		}
		assertThat(status(session)).as("3 s after sign-in").isEqualTo(200);
		CLOCK.advance(Duration.ofSeconds(1));
		assertThat(status(session)).as("4 s after sign-in, though never idle for 2 s").isEqualTo(302);
	}

	@Test
	void aThirdSignInEndsTheOldestOfTwoSessions() throws Exception {
		String first = signIn("globex-viewer");
		String second = signIn("globex-viewer");
		String third = signIn("globex-viewer");
		assertThat(status(second)).isEqualTo(200);
		assertThat(status(third)).isEqualTo(200);
		HttpResponse<String> oldest = get("/app/", first);
		assertThat(oldest.statusCode()).isEqualTo(302);
		assertThat(oldest.headers().firstValue("Location")).get().asString().endsWith("/app/login?expired");
	}

	/** The time Palisade reads (the absolute timeout), moved by the tests. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ControllableClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

	/** A clock that stands still until a test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}

	private String signIn(String username) throws Exception {
		HttpResponse<String> page = this.http.send(at("/app/login").GET().build(), HttpResponse.BodyHandlers.ofString());
		String session = cookie(page);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + username + "&password=" + username + "-password&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = this.http.send(at("/app/login").header("Cookie", "PALISADE_SESSION=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/app/");
		return cookie(signedIn);
	}

	private static String cookie(HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			Matcher value = COOKIE.matcher(header);
			if (value.find()) {
				return value.group(1);
			}
		}
		throw new AssertionError("no session cookie in " + response.headers().map());
	}

	private int status(String session) throws Exception {
		return get("/app/", session).statusCode();
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		return this.http.send(at(path).header("Cookie", "PALISADE_SESSION=" + session).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}
}
