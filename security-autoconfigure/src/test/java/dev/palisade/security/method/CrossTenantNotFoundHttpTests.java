package dev.palisade.security.method;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With {@code cross-tenant-status=not-found}, both layers answer a cross-tenant denial 404. */
@SpringBootTest(classes = AccessTestApplication.class, properties = {
		"palisade.access.roles[org\\:member]=things:read", "palisade.access.roles[project\\:developer]=things:read",
		"palisade.access.roles[org\\:admin]=reports:read", "palisade.access.rules[0].method=GET",
		"palisade.access.rules[0].pattern=/api/reports/{org}", "palisade.access.rules[0].permission=reports:read",
		"palisade.access.cross-tenant-status=not-found" })
@AutoConfigureMockMvc
class CrossTenantNotFoundHttpTests {

	@Autowired
	MockMvc mvc;

	@Test
	void otherOrgThroughAnAnnotationIs404WithoutAChallenge() throws Exception {
		RequestPostProcessor alice = AccessTestApplication.caller("alice", "acme", null, Set.of("org:member"), Set.of());
		this.mvc.perform(get("/api/orgs/globex/projects/g1/things").with(alice))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("The requested resource was not found."))
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Test
	void otherProjectIs404AndOtherOrgThroughAUrlRuleToo() throws Exception {
		RequestPostProcessor bob = AccessTestApplication.caller("bob", "acme", "p1", Set.of("project:developer"),
				Set.of());
		this.mvc.perform(get("/api/orgs/acme/projects/p2/things").with(bob))
			.andExpect(status().isNotFound());
		RequestPostProcessor carol = AccessTestApplication.caller("carol", "acme", null, Set.of("org:admin"), Set.of());
		this.mvc.perform(get("/api/reports/globex").with(carol))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/reports/acme").with(carol)).andExpect(status().isOk());
	}

	@Test
	void missingPermissionInsideTheOwnTenantStays403() throws Exception {
		RequestPostProcessor alice = AccessTestApplication.caller("alice", "acme", null, Set.of("org:member"), Set.of());
		this.mvc.perform(post("/api/orgs/acme/settings").with(alice))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/reports/acme").with(alice))
			.andExpect(status().isForbidden());
	}
}
