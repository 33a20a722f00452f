package dev.palisade.security.web;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spring MVC answers HEAD with the GET handler, so a URL rule written for GET must guard HEAD too;
 * otherwise HEAD falls to the default policy and runs the handler unchecked.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "palisade.access.default-policy=authenticated", "palisade.access.rules[0].method=GET",
				"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].permission=agents:read",
				"palisade.access.roles[platform\\:reader]=agents:read" })
@AutoConfigureMockMvc
class HeadRequestHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	private String token(Set<String> roles) {
		return this.issuer
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, null, null, roles, Set.of(), null))
			.value();
	}

	@Test
	void headIsRefusedWhereGetIsRefused() throws Exception {
		String bearer = "Bearer " + token(Set.of());
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isForbidden());
		this.mvc.perform(head("/api/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isForbidden());
	}

	@Test
	void headIsAllowedWhereGetIsAllowed() throws Exception {
		String bearer = "Bearer " + token(Set.of("platform:reader"));
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
		this.mvc.perform(head("/api/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isOk());
	}
}
