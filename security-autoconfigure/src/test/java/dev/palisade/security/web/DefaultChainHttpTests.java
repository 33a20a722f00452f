package dev.palisade.security.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.AccessTokenSettings;
import dev.palisade.security.token.RotatingKeyring;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = TestApplication.class,
		properties = { "palisade.access.public-paths=/open/**", "palisade.access.rules[0].pattern=/api/me",
				"palisade.access.rules[0].access=authenticated", "palisade.tokens.issuer=https://issuer.test",
				"palisade.tokens.audiences=api" })
@AutoConfigureMockMvc
class DefaultChainHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	RotatingKeyring keyring;

	@Autowired
	AccessTokenSettings settings;

	private String token(Set<String> permissions) {
		return this.issuer
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, "acme", null, Set.of("org:member"), permissions,
					null))
			.value();
	}

	@Test
	void requestWithoutCredentialGets401ChallengeWithoutErrorCode() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"palisade\""))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.instance").value("/api/me"));
	}

	@Test
	void validTokenReachesTheControllerAsAPalisadePrincipal() throws Exception {
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Set.of())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("alice"))
			.andExpect(jsonPath("$.kind").value("user"));
	}

	@Test
	void garbageTokenGets401InvalidTokenAndTheSameBodyAsAnExpiredOne() throws Exception {
		String expired = new AccessTokenIssuer(this.keyring, this.settings,
				Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, null, null, Set.of(), Set.of(), null))
			.value();
		for (String bad : new String[] { "not-a-jwt", "eyJhbGciOiJub25lIn0.e30.", expired }) {
			this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + bad))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
						"Bearer realm=\"palisade\", error=\"invalid_token\""))
				.andExpect(content().contentType("application/problem+json"))
				.andExpect(jsonPath("$.detail").value("The credential is invalid, expired or revoked."))
				.andExpect(content().string(not(containsString(bad))));
		}
	}

	@Test
	void malformedAuthorizationHeaderIs401InvalidToken() throws Exception {
		// Spring's DefaultBearerTokenResolver reports a malformed bearer value as invalid_token
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer a b c"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_token\"")))
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void tokenLongerThanTheLimitIs401NotAServerError() throws Exception {
		String huge = "eyJ" + "A".repeat(20_000) + ".e30.sig";
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + huge))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void missingPermissionIs403ProblemWithInsufficientScope() throws Exception {
		this.mvc.perform(get("/api/agents/write-check").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Set.of())))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("insufficient_scope")))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(403));
		this.mvc
			.perform(get("/api/agents/write-check").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + token(Set.of("agents:write"))))
			.andExpect(status().isOk());
	}

	@Test
	void publicPathsAndTheJwkSetNeedNoCredential() throws Exception {
		this.mvc.perform(get("/open/ping")).andExpect(status().isOk());
		this.mvc.perform(get("/.well-known/jwks.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/jwk-set+json"))
			.andExpect(jsonPath("$.keys[0].kid").value(this.keyring.current().active().kid()))
			.andExpect(jsonPath("$.keys[0].d").doesNotExist());
	}

	@Test
	void anAuthenticatedRequestCreatesNoSession() throws Exception {
		// MockMvc writes no Set-Cookie for a session, so look at the session itself (the sample's
		// StatelessServerTests checks the cookie on a real server)
		MvcResult result = this.mvc
			.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Set.of())))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void logoutIsNoBuiltInEndpointButAPathLikeAnyOther() throws Exception {
		// HttpSecurity's default LogoutFilter would answer 302 to a login page before any rule
		this.mvc.perform(get("/logout")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/logout")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Set.of())))
			.andExpect(status().isForbidden());
	}

	@Test
	void protectedResourceMetadataNamesTheIssuerAndClaimsNoCertificateBinding() throws Exception {
		this.mvc.perform(get("/.well-known/oauth-protected-resource"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorization_servers[0]").value("https://issuer.test"))
			.andExpect(jsonPath("$.tls_client_certificate_bound_access_tokens").value(false))
			.andExpect(jsonPath("$.bearer_methods_supported[0]").value("header"));
	}

	@Test
	void twoAuthorizationHeadersAreRefusedEvenWhenTheFirstIsValid() throws Exception {
		this.mvc
			.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Set.of()), "Bearer other"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_request\"")));
	}

	@Test
	void aSessionHoldingASecurityContextAuthenticatesNothing() throws Exception {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("mallory", null,
						AuthorityUtils.createAuthorityList("ROLE_ADMIN"))));
		this.mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
	}
}
