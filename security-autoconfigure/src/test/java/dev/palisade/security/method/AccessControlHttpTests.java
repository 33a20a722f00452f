package dev.palisade.security.method;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The URL layer and the method annotations together, under the default policy DENY. */
@SpringBootTest(classes = AccessTestApplication.class, properties = {
		"palisade.access.roles[org\\:member]=things:read", "palisade.access.roles[project\\:developer]=things:read",
		"palisade.access.roles[org\\:admin]=reports:read", "palisade.access.public-paths=/open/**",
		"palisade.access.rules[0].method=GET", "palisade.access.rules[0].pattern=/api/reports/{org}",
		"palisade.access.rules[0].permission=reports:read", "palisade.access.rules[1].pattern=/api/closed",
		"palisade.access.rules[1].access=deny" })
@AutoConfigureMockMvc
class AccessControlHttpTests {

	@Autowired
	MockMvc mvc;

	private RequestPostProcessor caller(String user) {
		return switch (user) {
			case "alice" -> AccessTestApplication.caller("alice", "acme", null, Set.of("org:member"), Set.of());
			case "bob" -> AccessTestApplication.caller("bob", "acme", "p1", Set.of("project:developer"),
					Set.of());
			case "carol" -> AccessTestApplication.caller("carol", "acme", null, Set.of("org:admin"), Set.of());
			case "root" -> AccessTestApplication.caller("root", null, null, Set.of("platform:admin"),
					Set.of());
			case "nobody" -> AccessTestApplication.caller("nobody", "acme", null, Set.of(), Set.of());
			case "orphan" -> AccessTestApplication.caller("orphan", null, null, Set.of("org:admin"),
					Set.of("things:read"));
			default -> throw new IllegalArgumentException(user);
		};
	}

	@ParameterizedTest(name = "{0} GET {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			alice  | /api/orgs/acme/projects/p1/things   | 200
			alice  | /api/orgs/acme/projects/p2/things   | 200
			alice  | /api/orgs/globex/projects/g1/things | 403
			bob    | /api/orgs/acme/projects/p1/things   | 200
			bob    | /api/orgs/acme/projects/p2/things   | 403
			bob    | /api/orgs/globex/projects/g1/things | 403
			carol  | /api/orgs/acme/projects/p2/things   | 200
			root   | /api/orgs/globex/projects/g1/things | 200
			nobody | /api/orgs/acme/projects/p1/things   | 403
			orphan | /api/orgs/acme/projects/p1/things   | 403
			alice  | /api/home/things                    | 200
			bob    | /api/home/things                    | 200
			nobody | /api/home/things                    | 403
			alice  | /api/path-variable/acme/things      | 200
			alice  | /api/path-variable/globex/things    | 403
			carol  | /api/reports/acme                   | 200
			carol  | /api/reports/globex                 | 403
			alice  | /api/reports/acme                   | 403
			root   | /api/reports/globex                 | 200
			root   | /api/closed                         | 403
			alice  | /api/final                          | 403
			root   | /api/unguarded                      | 403
			alice  | /api/not-mapped                     | 403
			alice  | /open/ping                          | 200
			""")
	void urlRulesAnnotationsAndTheDefaultPolicy(String user, String path, int expected) throws Exception {
		this.mvc.perform(get(path).with(caller(user))).andExpect(status().is(expected));
	}

	@Test
	void roleRequirementHoldsAtTheNamedOrgOnlyAndThroughTheHierarchy() throws Exception {
		RequestPostProcessor owner = AccessTestApplication.caller("olga", "acme", null, Set.of("org:owner"), Set.of());
		this.mvc.perform(post("/api/orgs/acme/settings").with(caller("carol")))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/orgs/acme/settings").with(owner))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/orgs/globex/settings").with(caller("carol")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/orgs/acme/settings").with(caller("alice")))
			.andExpect(status().isForbidden());
	}

	@Test
	void preAuthorizeWorksBesidePalisadesAnnotationsWithoutEnableMethodSecurity() throws Exception {
		RequestPostProcessor holder = AccessTestApplication.caller("dan", "acme", null, Set.of(), Set.of("x:y"));
		this.mvc.perform(get("/api/pre").with(holder)).andExpect(status().isOk());
		this.mvc.perform(get("/api/pre").with(caller("root")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDenialIsA403ProblemWithTheInsufficientScopeChallenge() throws Exception {
		this.mvc.perform(get("/api/orgs/globex/projects/g1/things").with(caller("alice")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("insufficient_scope")));
	}

	@ParameterizedTest(name = "anonymous GET {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/orgs/acme/projects/p1/things | 401
			/api/home/things                  | 401
			/api/unguarded                    | 401
			/api/reports/acme                 | 401
			/api/not-mapped                   | 401
			/open/ping                        | 200
			/.well-known/jwks.json            | 200
			""")
	void anonymousCallersGet401OutsidePublicPaths(String path, int expected) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().is(expected));
	}

	@Test
	void aPathTooDeepToMatchSafelyIsRejectedWith400() throws Exception {
		String deep = "/open" + "/a".repeat(200);
		this.mvc.perform(get(deep)).andExpect(status().isBadRequest());
		this.mvc.perform(get(deep).with(caller("root"))).andExpect(status().isBadRequest());
	}
}
