package dev.palisade.security.web;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import dev.palisade.security.federation.ConfiguredExternalIdentityLinker;
import dev.palisade.security.federation.ExternalIdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The plain OAuth 2.0 path (GitHub): Spring Security's user service reads the profile from the
 * user-info endpoint, then the link rules decide. The endpoint here is a JDK HTTP server answering
 * with a GitHub-shaped {@code /user} document, a stand-in for GitHub's API, which the tests cannot
 * reach; the OpenID path runs against a real provider in the sample's {@code FederatedSignInBrowserTests}.
 */
class ExternalIdentityUserServicesTests {

	private HttpServer github;

	@BeforeEach
	void start() throws Exception {
		this.github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.github.createContext("/user", (exchange) -> {
			boolean authorised = "Bearer gho_test".equals(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = (authorised ? "{\"login\":\"octocat\",\"id\":583231,\"name\":\"The Octocat\",\"email\":\"octo@acme.example\"}"
					: "{}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.github.start();
	}

	@AfterEach
	void stop() {
		this.github.stop(0);
	}

	@Test
	void aLinkedGitHubIdSignsInAsItsPrincipal() {
		OAuth2User user = ExternalIdentityUserServices.oauth2(linker("583231")).loadUser(request());
		assertThat(user).isInstanceOfSatisfying(LinkedOAuth2User.class, (linked) -> {
			assertThat(linked.getName()).isEqualTo("github:583231");
			assertThat(linked.palisadePrincipal().org()).isEqualTo("acme");
			assertThat(linked.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_org:admin");
		});
	}

	@Test
	void aProfileEmailIsNotTakenAsVerifiedSoADomainRuleDoesNotAdmitIt() {
		ConfiguredExternalIdentityLinker byDomain = new ConfiguredExternalIdentityLinker(List.of(
				new ExternalIdentityLink("github", Set.of("acme.example"), null, "acme", null, Set.of("org:member"))));
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> ExternalIdentityUserServices.oauth2(byDomain).loadUser(request()))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("account_not_linked"));
	}

	@Test
	void anotherGitHubIdIsRefused() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> ExternalIdentityUserServices.oauth2(linker("1")).loadUser(request()))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("account_not_linked"));
	}

	private static ConfiguredExternalIdentityLinker linker(String subject) {
		return new ConfiguredExternalIdentityLinker(
				List.of(new ExternalIdentityLink("github", null, Set.of(subject), "acme", null, Set.of("org:admin"))));
	}

	private OAuth2UserRequest request() {
		ClientRegistration github = ClientRegistration.withRegistrationId("github")
			.clientId("id")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/app/login/oauth2/code/{registrationId}")
			.authorizationUri("https://github.test/login/oauth/authorize")
			.tokenUri("https://github.test/login/oauth/access_token")
			.userInfoUri("http://127.0.0.1:" + this.github.getAddress().getPort() + "/user")
			.userNameAttributeName("id")
			.build();
		return new OAuth2UserRequest(github, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "gho_test",
				Instant.now(), Instant.now().plusSeconds(60)));
	}
}
