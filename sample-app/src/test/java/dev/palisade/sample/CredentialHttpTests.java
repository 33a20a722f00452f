package dev.palisade.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Provider credentials in the sample: sealed on disk, listed masked, never returned whole, other
 * tenants get 404 (cross-tenant-status not-found) or 403, a second create is 409, bad names are 400.
 */
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
		"palisade.access.cross-tenant-status=not-found", "palisade.secrets.local.directory=target/test-secrets",
		"palisade.crypto.aead.file=target/test-keys/aead.keyring" })
@AutoConfigureMockMvc
class CredentialHttpTests {

	private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

	@Autowired
	MockMvc mvc;

	SampleTokens tokens;

	String name;

	@BeforeEach
	void setUp() {
		this.tokens = new SampleTokens(this.mvc);
		this.name = "aws-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String body() {
		return "{\"name\":\"" + this.name + "\",\"provider\":\"aws\",\"fields\":{\"access_key_id\":\"AKIAIOSFODNN7EXAMPLE\","
				+ "\"secret_access_key\":\"" + AWS_SECRET + "\"}}";
	}

	@Test
	void createdCredentialsAreSealedListedMaskedAndNeverReturnedWhole() throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fields.access_key_id").value("AKIAIOSFODNN7EXAMPLE"))
			.andExpect(jsonPath("$.masked.secret_access_key").value("wJal****EKEY"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).doesNotContain(AWS_SECRET);

		String listed = this.mvc
			.perform(get("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).contains(this.name).contains("wJal****EKEY").doesNotContain(AWS_SECRET);

		try (Stream<Path> files = Files.walk(Path.of("target/test-secrets"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file)).doesNotContain(AWS_SECRET).doesNotContain("MDENG");
			}
		}

		this.mvc
			.perform(post("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body()))
			.andExpect(status().isConflict())
			.andExpect(content().contentType("application/problem+json"));
		this.mvc
			.perform(delete("/api/v1/orgs/acme/projects/p1/credentials/" + this.name).header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("acme-dev")))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/p1/credentials/" + this.name).header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("acme-dev")))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherTenantGetsNotFoundAndAViewerCannotWrite() throws Exception {
		this.mvc
			.perform(post("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body()))
			.andExpect(status().isCreated());
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("globex-viewer")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/p1/credentials/" + this.name).header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("globex-viewer")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/orgs/globex/projects/g1/credentials").header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("globex-viewer"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body()))
			.andExpect(status().isForbidden());
	}

	@Test
	void badNamesAndBodiesAre400NotA500() throws Exception {
		for (String bad : new String[] { "..", "a b", "x.secret" }) {
			this.mvc
				.perform(post("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION,
						this.tokens.bearer("acme-dev"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + bad + "\",\"provider\":\"openai\",\"fields\":{\"api_key\":\"sk-x\"}}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType("application/problem+json"));
		}
		this.mvc
			.perform(post("/api/v1/orgs/acme/projects/p1/credentials").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"only-plain\",\"provider\":\"aws\",\"fields\":{\"access_key_id\":\"AKIA\"}}"))
			.andExpect(status().isBadRequest());
	}

}
