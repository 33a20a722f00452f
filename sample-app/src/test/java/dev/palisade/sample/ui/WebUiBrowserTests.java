package dev.palisade.sample.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's web UI (/app, palisade.session) in a real headless Chromium: sign-in through the
 * form, the session cookie's attributes, session id rotation at sign-in, CSRF on this chain, the
 * API chain ignoring the session cookie, and sign-out removing the session from its store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false" })
class WebUiBrowserTests {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signInWhoAmISignOutInTheBrowser() throws Exception {
		String base = "http://localhost:" + this.port;
		browser.manage().deleteAllCookies();
		browser.get(base + "/app/");
		assertThat(browser.getCurrentUrl()).isEqualTo(base + "/app/login");
		Cookie before = browser.manage().getCookieNamed("PALISADE_SESSION");
		assertThat(before).as("the sign-in page keeps its CSRF token in a session").isNotNull();
		assertThat(before.isHttpOnly()).isTrue();
		assertThat(before.isSecure()).isTrue();
		assertThat(before.getSameSite()).isEqualTo("Lax");

		fill("username", "acme-dev");
		fill("password", "wrong");
		browser.findElement(By.id("sign-in")).click();
		assertThat(urlAfterNavigation(base + "/app/login?error")).isEqualTo(base + "/app/login?error");
		assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("Sign-in failed.");

		fill("username", "acme-dev");
		fill("password", "acme-dev-password");
		browser.findElement(By.id("sign-in")).click();
		assertThat(urlAfterNavigation(base + "/app/")).isEqualTo(base + "/app/");
		assertThat(browser.findElement(By.id("who")).getText()).startsWith("Signed in as acme-dev (acme");
		String session = browser.manage().getCookieNamed("PALISADE_SESSION").getValue();
		assertThat(session).as("a new session id at sign-in").isNotEqualTo(before.getValue());

		// the session cookie means nothing to the API chain, and a form post without the token is refused
		assertThat(get("/api/v1/me", session).statusCode()).isEqualTo(401);
		assertThat(get("/app/", session).statusCode()).isEqualTo(200);
		HttpResponse<String> forged = this.http.send(at("/app/logout").header("Cookie", "PALISADE_SESSION=" + session)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(get("/app/", session).statusCode()).as("still signed in after the forged sign-out").isEqualTo(200);

		browser.findElement(By.id("sign-out")).click();
		assertThat(urlAfterNavigation(base + "/app/login?signed-out")).isEqualTo(base + "/app/login?signed-out");
		HttpResponse<String> after = get("/app/", session);
		assertThat(after.statusCode()).as("the session is gone from the store").isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).get().asString().endsWith("/app/login");
	}

	/** The page's address once it is {@code expected} or 5 s have passed (a form post navigates asynchronously). */
	private static String urlAfterNavigation(String expected) {
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> expected.equals(browser.getCurrentUrl()));
		}
		catch (ConditionTimeoutException ex) {
			// the assertion that follows names the address actually reached
		}
		return browser.getCurrentUrl();
	}

	private static void fill(String field, String text) {
		org.openqa.selenium.WebElement input = browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
		assertThat(input.getDomProperty("value")).isEqualTo(text);
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		return this.http.send(at(path).header("Cookie", "PALISADE_SESSION=" + session).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}
}
