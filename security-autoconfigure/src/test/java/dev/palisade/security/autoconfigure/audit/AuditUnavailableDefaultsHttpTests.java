package dev.palisade.security.autoconfigure.audit;

import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the default {@code request-authentications: off} and a failed audit log: what must be
 * recorded (a refused credential) is answered 503, and a good token's request, which records
 * nothing, is served.
 */
@SpringBootTest(classes = AuditUnavailableHttpTests.App.class,
		properties = { "palisade.audit.write-timeout=2s", "palisade.access.public-paths[0]=/api/open",
				"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated" })
@AutoConfigureMockMvc
class AuditUnavailableDefaultsHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Test
	void aRefusedCredentialIs503AndAGoodTokenThatRecordsNothingIsServed() throws Exception {
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
			.andExpect(status().isServiceUnavailable());
		String token = this.issuer
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, "acme", null, Set.of(), Set.of(), null))
			.value();
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
			.andExpect(status().isServiceUnavailable());
	}
}
