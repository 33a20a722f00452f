package dev.palisade.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.palisade.sample.SampleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The README's shell walkthroughs of the sample, read from the README and run with bash and curl
 * against the sample on a random port (its {@code ./data} under a temporary directory), each
 * checked for what the README says it prints. Skipped, with the reason, where bash or curl is
 * missing.
 */
class ReadmeWalkthroughTests {

	private static Path dir;

	private static ConfigurableApplicationContext sample;

	private static String base;

	@BeforeAll
	static void startTheSample() throws IOException {
		dir = Files.createTempDirectory("readme-walkthrough");
		Path data = dir.resolve("data");
		sample = new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--palisade.audit.path=" + data.resolve("audit"),
				"--palisade.tokens.signing.directory=" + data.resolve("keys"),
				"--palisade.crypto.aead.file=" + data.resolve("keys/aead.keyring"),
				"--palisade.secrets.local.directory=" + data.resolve("secrets"));
		base = "localhost:" + ((WebServerApplicationContext) sample).getWebServer().getPort();
	}

	@AfterAll
	static void stopTheSample() throws IOException {
		if (sample != null) {
			sample.close();
		}
		org.springframework.util.FileSystemUtils.deleteRecursively(dir);
	}

	@Test
	void tryTheSampleThenRefreshRevokeAndSignOutEverywhere() throws Exception {
		String out = run(block("## Try the sample", "sh", 0) + block("## Refresh tokens and sign-out", "sh", 0));
		assertThat(out).contains("\"subject\":\"acme-dev\"", "\"keys\":[", "HTTP/1.1 401", "WWW-Authenticate: Bearer",
				"application/problem+json");
		assertThat(out).containsPattern("\\{\"access_token\":\"[^\"]+\",\"expires_in\":\\d+,\"refresh_token\":\"palrt_");
		assertThat(out).contains("HTTP/1.1 200", "HTTP/1.1 204");
	}

	@Test
	void anApiKeyIsCreatedAndAuthenticates() throws Exception {
		assertThat(run(block("## API keys", "sh", 0))).contains("\"kind\":\"api_key\"");
	}

	@Test
	void theFreePlanAdmitsFiveThenRefusesWithRateLimitHeaders() throws Exception {
		String out = run(block("## Rate limits", "sh", 0));
		assertThat(out).contains("200 200 200 200 200 429 429").containsIgnoringCase("X-RateLimit-Limit")
			.containsIgnoringCase("Retry-After");
	}

	@Test
	void theNetworkPolicySectionShowsTheLimitCorsAndHeaders() throws Exception {
		String out = run(block("## Network policy, request limits, CORS and headers", "sh", 0));
		assertThat(out).startsWith("200").contains("\"status\":413", " 413")
			.containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:3000")
			.containsIgnoringCase("Referrer-Policy: no-referrer");
	}

	@Test
	void aCredentialIsStoredSealedAndShownMasked() throws Exception {
		String out = run(block("## Encryption and secrets", "bash", 0));
		assertThat(out).contains("\"masked\":{\"secret_access_key\":\"wJal****EKEY\"}", "no plaintext on disk")
			.doesNotContain("MDENG");
	}

	@Test
	void oneEditedByteInACopyOfTheLogIsCaughtByTheOfflineVerifier() throws Exception {
		Path jar = Path.of("..", "security-core", "target", "palisade-security-core-0.1.0-SNAPSHOT.jar")
			.toAbsolutePath()
			.normalize();
		assumeThat(Files.exists(jar)).as("the core jar, built by the reactor before this module").isTrue();
		Path target = Files.createDirectories(dir.resolve("security-core/target"));
		Files.deleteIfExists(target.resolve(jar.getFileName()));
		Files.createSymbolicLink(target.resolve(jar.getFileName()), jar);
		// a successful sign-in, so that the log holds a "success" record to edit
		run(block("## Try the sample", "sh", 0));
		// the block ends with `echo $?` after the verifier's exit 1: run it without errexit
		String out = run(block("### One edited byte is caught", "sh", 0), false);
		assertThat(out).contains("first broken sequence", "MAC_MISMATCH");
		assertThat(out.strip()).endsWith("1");
	}

	private static String block(String heading, String language, int index) {
		List<String> blocks = ReadmeSnippets.blocks(heading, language);
		return blocks.get(index) + "\n";
	}

	/** Runs a README block with bash in the temporary directory, the sample's port put in for 8080. */
	private static String run(String script) throws Exception {
		return run(script, true);
	}

	private static String run(String script, boolean errexit) throws Exception {
		assumeThat(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")))
			.as("curl is needed to run the README's walkthroughs").isTrue();
		String body = (errexit ? "set -euo pipefail\n" : "set -uo pipefail\n") + script.replace("localhost:8080", base);
		Process bash = new ProcessBuilder("bash", "-c", body).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
		if (errexit) {
			assertThat(bash.exitValue()).as(out).isZero();
		}
		return out;
	}
}
