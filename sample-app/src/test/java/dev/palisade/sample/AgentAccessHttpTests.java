package dev.palisade.sample;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every agent endpoint for every demo user in three projects of two orgs, with the sample's
 * application.yml (cross-tenant denials answered 403).
 */
// the sample's demo rate limits are tested in RateLimitSampleHttpTests; here they would only get in the way
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false" })
@AutoConfigureMockMvc
class AgentAccessHttpTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	SampleTokens tokens;

	@BeforeEach
	void tokens() {
		this.tokens = new SampleTokens(this.mvc);
	}

	static String agents(String org, String project) {
		return "/api/v1/orgs/" + org + "/projects/" + project + "/agents";
	}

	/** Creates an agent as platform-admin and returns its id. */
	static String existingAgent(MockMvc mvc, SampleTokens tokens, String org, String project) throws Exception {
		String body = mvc
			.perform(post(agents(org, project)).header(HttpHeaders.AUTHORIZATION, tokens.bearer("platform-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"fixture\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return (String) JSON.readValue(body, Map.class).get("id");
	}

	static ResultActions perform(MockMvc mvc, SampleTokens tokens, String user, String operation, String org,
			String project) throws Exception {
		String authorization = tokens.bearer(user);
		return switch (operation) {
			case "list" -> mvc.perform(get(agents(org, project)).header(HttpHeaders.AUTHORIZATION, authorization));
			case "create" -> mvc.perform(post(agents(org, project)).header(HttpHeaders.AUTHORIZATION, authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"by " + user + "\"}"));
			case "delete" -> mvc.perform(delete(agents(org, project) + "/" + existingAgent(mvc, tokens, org, project))
				.header(HttpHeaders.AUTHORIZATION, authorization));
			default -> throw new IllegalArgumentException(operation);
		};
	}

	@ParameterizedTest(name = "{0} {1} {2}/{3} -> {4}")
	@CsvSource(delimiter = '|', textBlock = """
			platform-admin | list   | acme   | p1 | 200
			platform-admin | create | acme   | p1 | 201
			platform-admin | delete | acme   | p1 | 204
			platform-admin | list   | acme   | p2 | 200
			platform-admin | create | acme   | p2 | 201
			platform-admin | delete | acme   | p2 | 204
			platform-admin | list   | globex | g1 | 200
			platform-admin | create | globex | g1 | 201
			platform-admin | delete | globex | g1 | 204
			acme-admin     | list   | acme   | p1 | 200
			acme-admin     | create | acme   | p1 | 201
			acme-admin     | delete | acme   | p1 | 204
			acme-admin     | list   | acme   | p2 | 200
			acme-admin     | create | acme   | p2 | 201
			acme-admin     | delete | acme   | p2 | 204
			acme-admin     | list   | globex | g1 | 403
			acme-admin     | create | globex | g1 | 403
			acme-admin     | delete | globex | g1 | 403
			acme-dev       | list   | acme   | p1 | 200
			acme-dev       | create | acme   | p1 | 201
			acme-dev       | delete | acme   | p1 | 403
			acme-dev       | list   | acme   | p2 | 403
			acme-dev       | create | acme   | p2 | 403
			acme-dev       | delete | acme   | p2 | 403
			acme-dev       | list   | globex | g1 | 403
			acme-dev       | create | globex | g1 | 403
			acme-dev       | delete | globex | g1 | 403
			globex-viewer  | list   | acme   | p1 | 403
			globex-viewer  | create | acme   | p1 | 403
			globex-viewer  | delete | acme   | p1 | 403
			globex-viewer  | list   | acme   | p2 | 403
			globex-viewer  | create | acme   | p2 | 403
			globex-viewer  | delete | acme   | p2 | 403
			globex-viewer  | list   | globex | g1 | 200
			globex-viewer  | create | globex | g1 | 403
			globex-viewer  | delete | globex | g1 | 403
			""")
	void everyUserOnEveryEndpoint(String user, String operation, String org, String project, int expected)
			throws Exception {
		ResultActions result = perform(this.mvc, this.tokens, user, operation, org, project)
			.andExpect(status().is(expected));
		if (expected == 403) {
			result.andExpect(content().contentType("application/problem+json"))
				.andExpect(jsonPath("$.status").value(403))
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("insufficient_scope")));
		}
	}

	@ParameterizedTest(name = "anonymous {0}")
	@CsvSource({ "GET", "POST", "DELETE" })
	void withoutATokenEveryAgentEndpointIs401(String method) throws Exception {
		String path = agents("acme", "p1") + (method.equals("DELETE") ? "/x" : "");
		var request = switch (method) {
			case "GET" -> get(path);
			case "POST" -> post(path).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}");
			default -> delete(path);
		};
		this.mvc.perform(request)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void orgAndProjectWithCharactersAUriMustEncodeGetAnEncodedLocation() throws Exception {
		var response = this.mvc
			.perform(post("/api/v1/orgs/{org}/projects/{project}/agents", "acme corp", "\"p1\"{x}")
				.header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("platform-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"planner\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.org").value("acme corp"))
			.andExpect(jsonPath("$.project").value("\"p1\"{x}"))
			.andReturn()
			.getResponse();
		String id = (String) JSON.readValue(response.getContentAsString(), Map.class).get("id");
		org.assertj.core.api.Assertions.assertThat(response.getHeader(HttpHeaders.LOCATION))
			.isEqualTo("/api/v1/orgs/acme%20corp/projects/%22p1%22%7Bx%7D/agents/" + id);
	}

	@Test
	void anAgentCreatedInOneProjectIsListedThereOnly() throws Exception {
		this.mvc
			.perform(post(agents("acme", "p1")).header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"planner\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.org").value("acme"))
			.andExpect(jsonPath("$.project").value("p1"))
			.andExpect(jsonPath("$.createdBy").value("acme-dev"));
		this.mvc.perform(get(agents("acme", "p1")).header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev")))
			.andExpect(jsonPath("$[*].name", hasItem("planner")));
		this.mvc.perform(get(agents("acme", "p2")).header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", not(hasItem("planner"))));
	}

	@Test
	void deletingAnAgentOfAnotherProjectThroughAnAllowedPathIsNotFound() throws Exception {
		String id = existingAgent(this.mvc, this.tokens, "acme", "p2");
		this.mvc
			.perform(delete(agents("acme", "p1") + "/" + id).header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("acme-admin")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void anEndpointWithNeitherRuleNorAnnotationIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/nothing-here").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-admin")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/nothing-here")).andExpect(status().isUnauthorized());
	}

	@Test
	void meShowsEffectivePermissionsFromRolesAndTheirHierarchy() throws Exception {
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-dev")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.effectivePermissions", hasItems("agents:read", "agents:write", "project:read")))
			.andExpect(jsonPath("$.effectivePermissions", not(hasItem("agents:delete"))));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("acme-admin")))
			.andExpect(jsonPath("$.effectivePermissions", hasItems("agents:*", "audit:read", "agents:read")));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, this.tokens.bearer("platform-admin")))
			.andExpect(jsonPath("$.effectivePermissions", hasItem("*")));
	}

	@Test
	void accessMapListsEveryEndpointWithItsGuardForPlatformAdminsOnly() throws Exception {
		this.mvc
			.perform(get("/actuator/palisadeaccess").header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("platform-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.defaultPolicy").value("DENY"))
			.andExpect(jsonPath("$.endpoints[?(@.pattern == '/api/v1/orgs/{org}/projects/{project}/agents/{id}')].annotation",
					hasItem("@RequiresPermission agents:delete at org=#org, project=#project")))
			.andExpect(jsonPath("$.endpoints[?(@.pattern == '/api/v1/me')].guard", hasItem("URL_RULE")))
			.andExpect(jsonPath("$.endpoints[?(@.pattern == '/auth/token')].guard", hasItem("PUBLIC")))
			.andExpect(jsonPath("$.endpoints[?(@.defaultOnly == true)]").isEmpty());
		this.mvc
			.perform(get("/actuator/palisadeaccess").header(HttpHeaders.AUTHORIZATION,
					this.tokens.bearer("acme-admin")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}
}
