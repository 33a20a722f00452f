package dev.palisade.readme;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.web.PalisadeHttpConfigurer;
import dev.palisade.security.web.PalisadeRequestAuthorizationManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Quick start, run as written: its YAML block is read from the README and given to a
 * real server on a random port, and its Java blocks are the code below (checked line for line
 * against the README). A new application with nothing else signs in at the starter's token
 * endpoint and reads its own org's agents, not another's; so does one with the README's own chain.
 */
class ReadmeQuickStartTests {

	private static final String QUICK_START = "## Quick start in your service";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	@Test
	void theJavaBlocksAreTheCodeThisTestRuns() {
		List<String> java = ReadmeSnippets.blocks(QUICK_START, "java");
		assertThat(java).contains(ReadmeSnippets.dedent(ReadmeSnippets.sourceRegion(getClass(), "users")),
				ReadmeSnippets.dedent(ReadmeSnippets.sourceRegion(AgentController.class, "controller")),
				ReadmeSnippets.dedent(ReadmeSnippets.sourceRegion(getClass(), "own-chain")));
	}

	@Test
	void theQuickStartWorksWithTheDefaultChain() throws Exception {
		try (ConfigurableApplicationContext app = start(QuickStartApplication.class)) {
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			signsInAndKeepsTenantsApart(base);
		}
	}

	@Test
	void theQuickStartWorksWithTheReadmesOwnChain() throws Exception {
		try (ConfigurableApplicationContext app = start(QuickStartApplication.class, OwnChain.class)) {
			assertThat(app.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("api");
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			signsInAndKeepsTenantsApart(base);
		}
	}

	private void signsInAndKeepsTenantsApart(String base) throws Exception {
		HttpResponse<String> signIn = this.http.send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=ada&password=ada-password"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
		Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(signIn.body());
		assertThat(token.find()).isTrue();
		String bearer = "Bearer " + token.group(1);
		HttpResponse<String> own = get(base + "/api/v1/orgs/acme/agents", bearer);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).isEqualTo("[\"acme/support-bot\"]");
		assertThat(get(base + "/api/v1/orgs/globex/agents", bearer).statusCode()).isEqualTo(403);
		assertThat(get(base + "/api/v1/orgs/acme/agents", null).statusCode()).isEqualTo(401);
		assertThat(get(base + "/.well-known/jwks.json", null).statusCode()).as("the JWK Set is open").isEqualTo(200);
	}

	private HttpResponse<String> get(String url, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext start(Class<?>... sources) throws Exception {
		List<String> yaml = ReadmeSnippets.blocks(QUICK_START, "yaml");
		Path config = Files.writeString(this.dir.resolve("application.yml"), yaml.get(0));
		// spring.config.location, not import: the sample's own application.yml on this class path must not apply
		return new SpringApplicationBuilder(sources).run("--spring.config.location=file:" + config,
				"--server.port=0", "--palisade.tokens.signing.directory=" + this.dir.resolve("keys"),
				"--palisade.audit.path=" + this.dir.resolve("audit"));
	}

	/** A new application: the starter, the README's user directory and controller, nothing else. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(AgentController.class)
	static class QuickStartApplication {

		// readme:begin users
		// where your users live: a table, an identity service; a map here
		@Bean
		PalisadeUserDirectory users(PasswordEncoder passwords) {
			Map<String, PalisadeUser> users = Map.of("ada", new PalisadeUser("ada", passwords.encode("ada-password"),
					"acme", null, Set.of("org:admin"), null));
			return (username) -> Optional.ofNullable(users.get(username));
		}
		// readme:end users
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		// readme:begin own-chain
		@Bean
		SecurityFilterChain api(HttpSecurity http, PalisadeRequestAuthorizationManager palisadeAccess) throws Exception {
			http.with(PalisadeHttpConfigurer.palisade(), Customizer.withDefaults());
			http.authorizeHttpRequests((requests) -> requests.anyRequest().access(palisadeAccess));
			return http.build();
		}
		// readme:end own-chain
	}
}
