package dev.palisade.sample;

import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin endpoint reads the directory the audit sink writes, also when that directory comes
 * from a placeholder Spring resolves anew on every lookup (the tests' {@code ${random.uuid}}).
 */
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false" })
@AutoConfigureMockMvc
class AdminAuditOwnDirectoryHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Test
	void theAdminEndpointShowsWhatTheSinkWrote() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", "acme-dev")
				.param("password", "acme-dev-password"))
			.andExpect(status().isOk());
		String auditor = "Bearer " + this.issuer
			.issue(new AccessTokenRequest("auditor", PrincipalKind.USER, null, null, Set.of("platform:admin"), Set.of(),
					null))
			.value();
		this.mvc.perform(get("/api/v1/admin/audit").header(HttpHeaders.AUTHORIZATION, auditor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].event.action", hasItem("password.authenticate")));
	}
}
