package dev.palisade.sample;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The same endpoints with {@code palisade.access.cross-tenant-status=not-found}: a caller outside
 * the resource's org or project gets 404, indistinguishable from a missing agent; a caller in the
 * right tenant without the permission still gets 403.
 */
// the sample's demo rate limits are tested in RateLimitSampleHttpTests; here they would only get in the way
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
		"palisade.access.cross-tenant-status=not-found" })
@AutoConfigureMockMvc
class AgentCrossTenantNotFoundHttpTests {

	@Autowired
	MockMvc mvc;

	SampleTokens tokens;

	@BeforeEach
	void tokens() {
		this.tokens = new SampleTokens(this.mvc);
	}

	@ParameterizedTest(name = "{0} {1} {2}/{3} -> {4}")
	@CsvSource(delimiter = '|', textBlock = """
			acme-admin     | list   | globex | g1 | 404
			acme-admin     | create | globex | g1 | 404
			acme-admin     | delete | globex | g1 | 404
			acme-admin     | list   | acme   | p2 | 200
			acme-dev       | list   | acme   | p2 | 404
			acme-dev       | create | acme   | p2 | 404
			acme-dev       | delete | acme   | p2 | 404
			acme-dev       | list   | globex | g1 | 404
			acme-dev       | delete | acme   | p1 | 403
			acme-dev       | create | acme   | p1 | 201
			globex-viewer  | list   | acme   | p1 | 404
			globex-viewer  | create | acme   | p1 | 404
			globex-viewer  | create | globex | g1 | 403
			globex-viewer  | list   | globex | g1 | 200
			platform-admin | delete | globex | g1 | 204
			""")
	void crossTenantDenialsAreNotFound(String user, String operation, String org, String project, int expected)
			throws Exception {
		ResultActions result = AgentAccessHttpTests.perform(this.mvc, this.tokens, user, operation, org, project)
			.andExpect(status().is(expected));
		if (expected == 404) {
			result.andExpect(content().contentType("application/problem+json"))
				.andExpect(jsonPath("$.status").value(404))
				.andExpect(jsonPath("$.detail").value("The requested resource was not found."))
				.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
		}
	}
}
