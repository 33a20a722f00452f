package dev.palisade.sample.agents;

import java.nio.file.Path;

import dev.palisade.security.test.WithMockApiKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} slice enforces Palisade's rules as the whole application does (issue 15):
 * the starter lists its auto-configurations for the slice, so the tenant check, the problem
 * responses and the bearer challenge are there without any test set-up.
 */
@WebMvcTest(AgentController.class)
@Import(AgentRepository.class)
class AgentControllerSliceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Test
	@WithMockApiKey(org = "acme", scopes = "agents:read")
	void aKeyOfOneTenantIsRefusedOnAnotherTenantsRoute() throws Exception {
		this.mvc.perform(get("/api/v1/orgs/globex/projects/p1/agents"))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"));
	}

	@Test
	@WithMockApiKey(org = "acme", scopes = "agents:read")
	void theSameKeyReadsItsOwnTenant() throws Exception {
		this.mvc.perform(get("/api/v1/orgs/acme/projects/p1/agents")).andExpect(status().isOk());
	}

	@Test
	@WithMockApiKey(org = "acme", scopes = "agents:write")
	void aKeyWithoutThePermissionIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/orgs/acme/projects/p1/agents")).andExpect(status().isForbidden());
	}

	@Test
	void anAnonymousCallGetsTheBearerChallengeNotBasic() throws Exception {
		this.mvc.perform(get("/api/v1/orgs/acme/projects/p1/agents"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void theSliceAuditsIntoItsOwnTemporaryDirectoryNotTheConfiguredOne() {
		Path path = Path.of(this.environment.getProperty("palisade.audit.path"));
		assertThat(path).isNotEqualTo(Path.of("./data/audit"));
		assertThat(path.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()))
			.isTrue();
	}
}
