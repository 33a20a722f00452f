package dev.palisade.sample;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's network policy on the real server: the actuator rule (loopback only, with
 * 127.0.0.1 as a trusted proxy so a forwarded client address is believed from it), the body size
 * limit (by Content-Length and counted for a chunked body), Jackson's limits, CORS and the
 * security headers. Every refusal is problem+json and an audit record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys",
				"palisade.network.trusted-proxies=127.0.0.1/32", "palisade.rate-limit.enabled=false",
				"palisade.network.rules[0].name=actuator-from-loopback", "palisade.network.rules[0].paths=/actuator/**",
				"palisade.network.rules[0].allow=127.0.0.0/8,::1", "palisade.network.rules[1].name=ui-not-from-10",
				"palisade.network.rules[1].paths=/app/**", "palisade.network.rules[1].deny=10.0.0.0/8" })
class NetworkPolicyHttpTests {

	private static final List<AuditEvent> EVENTS = new ArrayList<>();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clearEvents() {
		synchronized (EVENTS) {
			EVENTS.clear();
		}
	}

	@Test
	void aRuleRefusesAnAddressBeforeAuthenticationAndBelievesOnlyTheTrustedProxy() throws Exception {
		// from loopback itself: allowed
		assertThat(send(at("/actuator/health")).statusCode()).isEqualTo(200);
		// through the trusted proxy (127.0.0.1) for a client outside the allow list: refused
		HttpResponse<String> forwarded = send(at("/actuator/health").header("X-Forwarded-For", "198.51.100.7"));
		assertThat(forwarded.statusCode()).isEqualTo(403);
		assertThat(forwarded.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(forwarded.body()).contains("\"status\":403").doesNotContain("198.51.100.7");
		assertThat(forwarded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(events(AuditActions.NETWORK_DENY)).singleElement().satisfies((event) -> {
			assertThat(event.clientIp()).isEqualTo("198.51.100.7");
			assertThat(event.details()).containsEntry("rule", "actuator-from-loopback");
		});
		// a credential does not help: the rule runs before authentication
		assertThat(send(at("/actuator/health").header("X-Forwarded-For", "198.51.100.7")
			.header("Authorization", "Bearer " + signIn("platform-admin"))).statusCode()).isEqualTo(403);
		// paths outside the rule are not affected
		assertThat(send(at("/api/v1/ping").header("X-Forwarded-For", "198.51.100.7")).statusCode()).isEqualTo(200);
		// the UI's session chain holds to the rules too, before its sign-in page
		assertThat(send(at("/app/login").header("X-Forwarded-For", "10.1.2.3")).statusCode()).isEqualTo(403);
		assertThat(send(at("/app/login").header("X-Forwarded-For", "198.51.100.7")).statusCode()).isEqualTo(200);
	}

	@Test
	void aBodyOverTheLimitIs413ByContentLengthAndWhenChunked() throws Exception {
		String token = signIn("acme-dev");
		byte[] big = ("{\"name\":\"big\",\"provider\":\"openai\",\"fields\":{\"api_key\":\"" + "x".repeat(300_000) + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> declared = send(at("/api/v1/orgs/acme/projects/p1/credentials")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(big)));
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("\"status\":413");

		// no Content-Length: the body is counted while Spring MVC reads it
		HttpResponse<String> chunked = send(at("/api/v1/orgs/acme/projects/p1/credentials")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(events(AuditActions.REQUEST_LIMIT)).hasSize(2)
			.allSatisfy((event) -> assertThat(event.reasonCode()).isEqualTo("body_too_large"));
	}

	@Test
	void aHeaderSectionTooLargeOrAnUnreadableRequestIsProblemJsonFromTomcatItself() throws Exception {
		// refused by Tomcat before any filter runs (server.max-http-request-header-size, 8 KB by default)
		HttpResponse<String> tooLarge = send(at("/api/v1/ping").header("X-Padding", "a".repeat(20_000)));
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(tooLarge.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(JsonMapper.builder().build().readTree(tooLarge.body()).get("status").asInt()).isEqualTo(400);

		// garbage on the port: no request line at all
		String garbage;
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write("\u0016\u0003\u0001 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			garbage = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		assertThat(garbage).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain("<html");
		synchronized (EVENTS) {
			assertThat(EVENTS).filteredOn((event) -> AuditActions.REQUEST_LIMIT.equals(event.action())
					&& "unreadable_request".equals(event.reasonCode())).hasSize(2);
		}
	}

	@Test
	void jsonNestedTooDeeplyOrAStringTooLongIs400NotA500() throws Exception {
		String token = signIn("acme-dev");
		// an unknown member is skipped, and skipping still parses it: 100 nested arrays pass the first 64
		String deep = "{\"name\":\"deep\",\"provider\":\"openai\",\"extra\":" + "[".repeat(100) + "]".repeat(100)
				+ ",\"fields\":{\"api_key\":\"sk-1\"}}";
		HttpResponse<String> response = send(at("/api/v1/orgs/acme/projects/p1/credentials")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(deep)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(events(AuditActions.REQUEST_LIMIT)).singleElement()
			.satisfies((event) -> assertThat(event.reasonCode()).isEqualTo("json_limit"));
		// a body that is simply malformed is left to Spring MVC: 400, and no limit was broken
		HttpResponse<String> malformed = send(at("/api/v1/orgs/acme/projects/p1/credentials")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":")));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(events(AuditActions.REQUEST_LIMIT)).hasSize(1);
	}

	@Test
	void aPreflightFromTheConfiguredOriginIsAnsweredWithoutACredentialAndOthersAreRefused() throws Exception {
		HttpResponse<String> preflight = send(at("/api/v1/me").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://localhost:3000")
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization"));
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		HttpResponse<String> other = send(at("/api/v1/me").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET"));
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> actual = send(at("/api/v1/me").header("Origin", "http://localhost:3000")
			.header("Authorization", "Bearer " + signIn("acme-dev")));
		assertThat(actual.statusCode()).isEqualTo(200);
		assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		for (HttpResponse<String> response : List.of(send(at("/api/v1/ping")), send(at("/api/v1/me")))) {
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Content-Security-Policy"))
				.hasValue("default-src 'none'; frame-ancestors 'none'");
			assertThat(response.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
			// plain HTTP: no HSTS (it is written on HTTPS only)
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}
	}

	private List<AuditEvent> events(String action) {
		synchronized (EVENTS) {
			return EVENTS.stream().filter((event) -> event.action().equals(action)).toList();
		}
	}

	private String signIn(String username) throws Exception {
		HttpResponse<String> response = send(at("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username + "&password="
					+ username + "-password")));
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) JsonMapper.builder().build().readValue(response.body(), Map.class).get("access_token");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	/** Keeps every audit event the features record, beside the sample's audit log. */
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
