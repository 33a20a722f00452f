package dev.palisade.security.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.palisade.security.crypto.password.BcryptHasher;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.embedded.RedisServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of one web UI sharing their sessions through a real store, for each store Spring Boot
 * supports beside memory: PostgreSQL (spring-boot-session-jdbc) and Redis (spring-boot-session-data-redis,
 * {@code spring.session.data.redis.repository-type: indexed}). A session signed in on one node is signed in on the other; the
 * session cap counts both nodes' sessions; sign-out on one node ends the session on both; and the
 * stored session has Palisade's idle timeout, not the store's default.
 */
class SharedSessionStoreHttpTests {

	private static final BcryptHasher BCRYPT = new BcryptHasher(new BcryptHasher.Parameters(10));

	private static EmbeddedPostgres postgres;

	private static RedisServer redis;

	private static int redisPort;

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		try (ServerSocket socket = new ServerSocket(0)) {
			redisPort = socket.getLocalPort();
		}
		redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
			.setting("appendonly no").build();
		redis.start();
		Path keys = Path.of("target", "shared-session-keys", UUID.randomUUID().toString());
		for (String store : List.of("jdbc", "redis")) {
			node(store, keys);
			node(store, keys);
		}
	}

	@AfterAll
	static void stop() throws IOException {
		contexts.forEach(ConfigurableApplicationContext::close);
		if (redis != null) {
			redis.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static void node(String store, Path keys) {
		String[] args = {};
		SpringApplicationBuilder builder = new SpringApplicationBuilder(TestApplication.class, Ui.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api",
					"palisade.tokens.signing.directory=" + keys.toAbsolutePath(), "palisade.rate-limit.enabled=false",
					"palisade.session.enabled=true", "palisade.session.secure-cookie=false",
					"palisade.session.maximum-sessions=1", "palisade.session.idle-timeout=17m");
		if (store.equals("jdbc")) {
			builder.initializers((context) -> context.getBeanFactory()
				.registerSingleton("dataSource", (javax.sql.DataSource) postgres.getPostgresDatabase()))
				.properties("spring.session.jdbc.initialize-schema=always");
		}
		else {
			// an argument, to win over the test resources' exclusion of Redis sessions
			args = new String[] { "--spring.autoconfigure.exclude="
					+ "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration" };
			builder.properties("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
					"spring.session.data.redis.repository-type=indexed");
		}
		contexts.add(builder.run(args));
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "redis" })
	void aSessionIsSharedCappedAndSignedOutAcrossNodes(String store) throws Exception {
		int index = store.equals("jdbc") ? 0 : 2;
		ConfigurableApplicationContext a = contexts.get(index);
		ConfigurableApplicationContext b = contexts.get(index + 1);
		assertThat(a.getBean(SessionRepository.class).getClass().getSimpleName())
			.isEqualTo(store.equals("jdbc") ? "JdbcIndexedSessionRepository" : "RedisIndexedSessionRepository");

		String first = signIn(a);
		assertThat(get(b, "/app/who", first)).as("signed in on the other node too").isEqualTo("200 alice");
		Session stored = b.getBean(SessionRepository.class).findById(sessionId(first));
		assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(17));

		// a second sign-in on the other node ends the first: the cap (1) counts both nodes' sessions
		String second = signIn(b);
		assertThat(get(a, "/app/who", second)).isEqualTo("200 alice");
		assertThat(get(a, "/app/who", first)).as("the older session, capped").startsWith("302 ").endsWith("?expired");

		// sign-out on one node ends the session in the store, so on every node
		assertThat(post(a, "/app/logout", second, "_csrf=" + csrf(a, second))).startsWith("302 ").endsWith("?signed-out");
		assertThat(get(b, "/app/who", second)).startsWith("302 ").endsWith("/app/login");
		assertThat(b.getBean(SessionRepository.class).findById(sessionId(second))).isNull();
	}

	/** Signs alice in on {@code node}; the session cookie's value. */
	private String signIn(ConfigurableApplicationContext node) throws Exception {
		HttpResponse<String> page = send(node, HttpRequest.newBuilder(uri(node, "/app/login")).GET(), null);
		String cookie = cookie(page).orElseThrow();
		HttpResponse<String> signIn = send(node,
				HttpRequest.newBuilder(uri(node, "/app/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-password&_csrf="
							+ URLEncoder.encode(page.body(), StandardCharsets.UTF_8))),
				cookie);
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).get().asString().endsWith("/app/");
		return cookie(signIn).orElseThrow();
	}

	private String csrf(ConfigurableApplicationContext node, String session) throws Exception {
		return URLEncoder.encode(send(node, HttpRequest.newBuilder(uri(node, "/app/login")).GET(), session).body(),
				StandardCharsets.UTF_8);
	}

	private String get(ConfigurableApplicationContext node, String path, String session) throws Exception {
		return summary(send(node, HttpRequest.newBuilder(uri(node, path)).GET(), session));
	}

	private String post(ConfigurableApplicationContext node, String path, String session, String form) throws Exception {
		return summary(send(node, HttpRequest.newBuilder(uri(node, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), session));
	}

	private static String summary(HttpResponse<String> response) {
		return response.statusCode() + " "
				+ ((response.statusCode() == 302) ? response.headers().firstValue("Location").orElse("") : response.body());
	}

	private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request, String session)
			throws Exception {
		if (session != null) {
			request.header("Cookie", "PALISADE_SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> cookie(HttpResponse<?> response) {
		Pattern session = Pattern.compile("PALISADE_SESSION=([^;]+)");
		return response.headers().allValues("Set-Cookie").stream().map(session::matcher).filter(Matcher::find)
			.map((matcher) -> matcher.group(1)).findFirst();
	}

	/** Spring Session's cookie holds the session id base64-encoded. */
	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** The UI of the test: its sign-in page answers with the CSRF token; who-am-I with the subject. */
	@Configuration(proxyBeanMethods = false)
	static class Ui {

		@Bean
		PalisadeUserDirectory users() {
			PalisadeUser alice = new PalisadeUser("alice", "{bcrypt}" + BCRYPT.hash("alice-password"), "acme", null,
					Set.of("org:member"), null);
			return (name) -> name.equals("alice") ? Optional.of(alice) : Optional.empty();
		}

		@RestController
		static class Pages {

			@GetMapping("/app/login")
			String login(CsrfToken csrf) {
				return csrf.getToken();
			}

			@GetMapping("/app/who")
			String who(@AuthenticationPrincipal PalisadePrincipal me) {
				return me.subject();
			}
		}
	}
}
