package dev.palisade.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.principal.PrincipalKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import redis.embedded.RedisServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample on a real PostgreSQL (refresh tokens, API keys) and a real Redis (rate limits, deny
 * list), under load from three clients over real HTTP, while first Redis and then PostgreSQL is
 * stopped and started again. No request may get a 5xx other than 503 or fail at the socket; the
 * signed-in client's refresh family survives (its last token still rotates); and the same running
 * application recovers: API keys, refreshes and Redis-backed rate-limit decisions work again.
 */
class OutageRecoveryHttpTests {

	private static final Set<Integer> ALLOWED = Set.of(200, 400, 401, 403, 429, 503);

	private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Path postgresData;

	private static int postgresPort;

	private static EmbeddedPostgres postgres;

	private static int redisPort;

	private static RedisServer redis;

	private static ConfigurableApplicationContext app;

	private static String base;

	@BeforeAll
	static void start() throws IOException {
		postgresPort = freePort();
		postgresData = Path.of("target", "outage-postgres", UUID.randomUUID().toString()).toAbsolutePath();
		postgres = startPostgres();
		redisPort = freePort();
		redis = startRedis();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setServerNames(new String[] { "127.0.0.1" });
		dataSource.setPortNumbers(new int[] { postgresPort });
		dataSource.setDatabaseName("postgres");
		dataSource.setUser("postgres");
		dataSource.setConnectTimeout(1);
		dataSource.setSocketTimeout(5);
		String redisUri = "redis://127.0.0.1:" + redisPort;
		String run = UUID.randomUUID().toString();
		app = new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getBeanFactory().registerSingleton("dataSource", dataSource))
			// command-line arguments: they win over the sample's application.yml, default properties do not
			.run("--server.port=0", "--palisade.tokens.signing.directory=target/outage-keys/" + run,
					"--palisade.audit.path=target/outage-audit/" + run, "--palisade.refresh.store=jdbc",
					"--palisade.refresh.jdbc.initialize-schema=true", "--palisade.refresh.deny-list=redis",
					"--palisade.refresh.redis.uri=" + redisUri, "--palisade.api-keys.store=jdbc",
					"--palisade.api-keys.jdbc.initialize-schema=true", "--palisade.api-keys.cache-ttl=1s",
					"--palisade.rate-limit.backend=redis", "--palisade.rate-limit.redis.uri=" + redisUri,
					"--palisade.rate-limit.time-budget=200ms",
					// budgets large enough that the load measures outages, not the sample's plans
					"--palisade.rate-limit.pre-auth-policies[0].name=token-endpoint",
					"--palisade.rate-limit.pre-auth-policies[0].paths=/auth/token",
					"--palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=1000000",
					"--palisade.rate-limit.pre-auth-policies[0].limits[0].period=1m",
					"--palisade.rate-limit.policies[0].name=api", "--palisade.rate-limit.policies[0].paths=/api/**",
					"--palisade.rate-limit.policies[0].key-by=subject",
					"--palisade.rate-limit.policies[0].limits[0].capacity=1000000",
					"--palisade.rate-limit.policies[0].limits[0].period=1m");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (redis != null) {
			redis.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void redisAndPostgresRestartedUnderLoadGiveNo5xxButA503AndTheAppRecoversWithoutARestart() throws Exception {
		String apiKey = app.getBean(ApiKeyService.class)
			.create(new ApiKeyCreateRequest("outage", "acme-dev", PrincipalKind.USER, "acme", null, Set.of(), null),
					Set.of("*"))
			.plaintext();
		String signIn = signIn();
		AtomicReference<String> refreshToken = new AtomicReference<>(match(REFRESH_TOKEN, signIn));
		String accessToken = match(ACCESS_TOKEN, signIn);

		ConcurrentMap<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread refresher = load("refresh", running, failure, statuses, () -> {
			HttpResponse<String> response = refresh(refreshToken.get());
			if (response.statusCode() == 200) {
				refreshToken.set(match(REFRESH_TOKEN, response.body()));
			}
			return response.statusCode();
		});
		Thread keyCaller = load("api-key", running, failure, statuses,
				() -> send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("X-API-Key", apiKey)).statusCode());
		Thread bearerCaller = load("bearer", running, failure, statuses, () -> {
			// an allowed call and a denied one (an org member may not read the platform's audit log)
			int me = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
				.header("Authorization", "Bearer " + accessToken)).statusCode();
			int denied = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/audit"))
				.header("Authorization", "Bearer " + accessToken)).statusCode();
			return (denied == 403) ? me : denied;
		});

		// Each phase lasts until the load has shown it, not for a fixed time.
		awaitLoad(statuses, failure, "every client served before the outages",
				() -> count(statuses, "refresh 200") > 0 && count(statuses, "api-key 200") > 0
						&& count(statuses, "bearer 200") > 0);
		redis.stop();
		int beforeRedisRestart = total(statuses) + 200;
		awaitLoad(statuses, failure, "200 requests while Redis is down", () -> total(statuses) >= beforeRedisRestart);
		redis = startRedis();
		int beforePostgresStop = total(statuses) + 200;
		awaitLoad(statuses, failure, "200 requests after Redis is back", () -> total(statuses) >= beforePostgresStop);
		postgres.close();
		int beforePostgresRestart = total(statuses) + 300;
		awaitLoad(statuses, failure, "a refresh refused and 300 requests while PostgreSQL is down",
				() -> count(statuses, "refresh 503") > 0 && total(statuses) >= beforePostgresRestart);
		int refreshedBefore = count(statuses, "refresh 200");
		postgres = startPostgres();
		awaitLoad(statuses, failure, "a refresh served after PostgreSQL is back",
				() -> count(statuses, "refresh 200") > refreshedBefore);
		running.set(false);
		for (Thread thread : new Thread[] { refresher, keyCaller, bearerCaller }) {
			thread.join(30_000);
		}

		System.out.println("outage load, responses by client and status: " + new java.util.TreeMap<>(statuses));
		assertThat(failure.get()).as("a request failed at the socket or threw").isNull();
		assertThat(statuses.keySet()).as("every status seen, by client: %s", statuses)
			.allSatisfy((key) -> assertThat(ALLOWED).contains(Integer.parseInt(key.substring(key.indexOf(' ') + 1))));
		assertThat(statuses).as("the PostgreSQL outage was seen by the refreshing client").containsKey("refresh 503");
		assertThat(statuses).containsKeys("refresh 200", "api-key 200", "bearer 200");

		// recovery of the same running application, without a restart
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> response = refresh(refreshToken.get());
			assertThat(response.statusCode()).as("the family survived: its last token rotates").isEqualTo(200);
			refreshToken.set(match(REFRESH_TOKEN, response.body()));
		});
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("X-API-Key", apiKey));
			assertThat(response.statusCode()).isEqualTo(200);
			// a decision from Redis carries the remaining budget; a fail-open decision carries none
			assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
		});
		assertThat(signIn()).contains("refresh_token");
	}

	/** Waits until the load shows {@code phase}, or stops at the first failed request. */
	private static void awaitLoad(ConcurrentMap<String, AtomicInteger> statuses, AtomicReference<Throwable> failure,
			String phase, java.util.function.BooleanSupplier shown) {
		await().alias(phase)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> failure.get() != null || shown.getAsBoolean());
	}

	private static int count(ConcurrentMap<String, AtomicInteger> statuses, String key) {
		AtomicInteger count = statuses.get(key);
		return (count != null) ? count.get() : 0;
	}

	private static int total(ConcurrentMap<String, AtomicInteger> statuses) {
		return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private static Thread load(String name, AtomicBoolean running, AtomicReference<Throwable> failure,
			ConcurrentMap<String, AtomicInteger> statuses, Call call) {
		Thread thread = new Thread(() -> {
			while (running.get() && failure.get() == null) {
				try {
					int status = call.status();
					statuses.computeIfAbsent(name + " " + status, (key) -> new AtomicInteger()).incrementAndGet();
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}
		}, "outage-load-" + name);
		thread.start();
		return thread;
	}

	private static String signIn() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=acme-dev&password=acme-dev-password")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static HttpResponse<String> refresh(String token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + token + "\"}")));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String match(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(postgresPort)
			.setDataDirectory(postgresData)
			.setCleanDataDirectory(false)
			.start();
	}

	private static RedisServer startRedis() throws IOException {
		RedisServer server = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
			.setting("appendonly no").build();
		server.start();
		return server;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** One client request; returns its status. */
	@FunctionalInterface
	interface Call {

		int status() throws Exception;

	}

}
