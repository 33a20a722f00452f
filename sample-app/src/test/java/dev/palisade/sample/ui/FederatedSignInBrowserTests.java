package dev.palisade.sample.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OIDC sign-in to the sample's web UI in a real headless Chromium against a real OpenID provider
 * (Spring Authorization Server, {@link TestOpenIdProvider}): the provider's link on the sign-in page,
 * its own sign-in form, the code exchange and ID token check by Spring Security, the link rule
 * ({@code palisade.session.oidc.links}) turning {@code alice@acme.example} into a member of org
 * {@code acme}, and a person no rule links sent back to the sign-in page. Both are audit records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
				// this test's pages are served from http://127.0.0.1, which the provider redirects to
				"palisade.session.secure-cookie=false",
				"spring.security.oauth2.client.registration.test-idp.client-name=Test IdP",
				"spring.security.oauth2.client.registration.test-idp.client-id=" + TestOpenIdProvider.CLIENT_ID,
				"spring.security.oauth2.client.registration.test-idp.client-secret=" + TestOpenIdProvider.CLIENT_SECRET,
				"spring.security.oauth2.client.registration.test-idp.scope=openid,profile,email",
				"spring.security.oauth2.client.registration.test-idp.redirect-uri={baseUrl}/app/login/oauth2/code/{registrationId}",
				"palisade.session.oidc.links[0].provider=test-idp",
				"palisade.session.oidc.links[0].email-domains=acme.example", "palisade.session.oidc.links[0].org=acme",
				"palisade.session.oidc.links[0].roles=org:member" })
class FederatedSignInBrowserTests {

	private static final List<AuditEvent> EVENTS = new ArrayList<>();

	private static int appPort;

	private static TestOpenIdProvider provider;

	private static ChromeDriver browser;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) throws Exception {
		appPort = TestOpenIdProvider.freePort();
		provider = TestOpenIdProvider.start(appPort);
		registry.add("server.port", () -> appPort);
		registry.add("spring.security.oauth2.client.provider.test-idp.issuer-uri", provider::issuer);
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (provider != null) {
			provider.close();
		}
	}

	@BeforeEach
	void freshBrowserAndLog() {
		// both sites' cookies: the provider's sign-in as well as the app's session
		browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		synchronized (EVENTS) {
			EVENTS.clear();
		}
	}

	@Test
	void aLinkedPersonSignsInThroughTheProviderAndSignsOut() {
		String app = "http://127.0.0.1:" + appPort;
		browser.get(app + "/app/");
		assertThat(browser.getCurrentUrl()).isEqualTo(app + "/app/login");
		browser.findElement(By.id("sign-in-test-idp")).click();

		assertThat(urlAfterNavigation(provider.issuer() + "/login")).as("the provider's own sign-in page")
			.isEqualTo(provider.issuer() + "/login");
		fill("username", "alice@acme.example");
		fill("password", "alice-password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();

		assertThat(urlAfterNavigation(app + "/app/")).isEqualTo(app + "/app/");
		assertThat(browser.findElement(By.id("who")).getText())
			.isEqualTo("Signed in as test-idp:alice@acme.example (acme, org:member)");
		assertThat(events(AuditResult.SUCCESS)).singleElement()
			.satisfies((event) -> assertThat(event.actor().id()).isEqualTo("test-idp:alice@acme.example"));

		browser.findElement(By.id("sign-out")).click();
		assertThat(urlAfterNavigation(app + "/app/login?signed-out")).isEqualTo(app + "/app/login?signed-out");
		browser.get(app + "/app/");
		assertThat(browser.getCurrentUrl()).as("signed out of the app").isEqualTo(app + "/app/login");
	}

	@Test
	void aPersonNoRuleLinksIsSentBackToTheSignInPage() {
		String app = "http://127.0.0.1:" + appPort;
		browser.get(app + "/app/login");
		browser.findElement(By.id("sign-in-test-idp")).click();
		urlAfterNavigation(provider.issuer() + "/login");
		fill("username", "mallory@evil.example");
		fill("password", "mallory-password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();

		assertThat(urlAfterNavigation(app + "/app/login?error")).isEqualTo(app + "/app/login?error");
		assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("Sign-in failed.");
		assertThat(events(AuditResult.FAILURE)).singleElement()
			.satisfies((event) -> assertThat(event.reasonCode()).isEqualTo("account_not_linked"));
		browser.get(app + "/app/");
		assertThat(browser.getCurrentUrl()).as("not signed in").isEqualTo(app + "/app/login");
	}

	@Test
	void aForgedCallbackIsRefusedAndRecorded() {
		String app = "http://127.0.0.1:" + appPort;
		// a code and state this browser never asked for (a login-CSRF attempt): no sign-in
		browser.get(app + "/app/login/oauth2/code/test-idp?code=stolen&state=forged");
		assertThat(urlAfterNavigation(app + "/app/login?error")).isEqualTo(app + "/app/login?error");
		assertThat(events(AuditResult.FAILURE)).singleElement()
			.satisfies((event) -> assertThat(event.reasonCode()).isEqualTo("authorization_request_not_found"));
	}

	private static List<AuditEvent> events(AuditResult result) {
		synchronized (EVENTS) {
			return EVENTS.stream()
				.filter((event) -> AuditActions.FEDERATED_AUTHENTICATE.equals(event.action()) && event.result() == result)
				.toList();
		}
	}

	/** The page's address once it is {@code expected} or 5 s have passed (navigation is asynchronous). */
	private static String urlAfterNavigation(String expected) {
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> browser.getCurrentUrl().equals(expected));
		}
		catch (ConditionTimeoutException ex) {
			// the assertion that follows names the address actually reached
		}
		return browser.getCurrentUrl();
	}

	private static void fill(String field, String text) {
		WebElement input = browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	/** Keeps every audit event beside the sample's audit log. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingAudit {

		@Bean
		@Primary
		AuditRecorder recordingAuditRecorder() {
			return (event) -> {
				synchronized (EVENTS) {
					EVENTS.add(event);
				}
			};
		}
	}
}
