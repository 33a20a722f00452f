package dev.palisade.sample.ui;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID provider for the sign-in tests: Spring Authorization Server (Spring Security 7)
 * through Spring Boot's auto-configuration, on its own port at {@code http://localhost:<port>},
 * with one client ({@code palisade-sample}) and two people: {@code alice@acme.example} (whose
 * domain the sample links) and {@code mallory@evil.example} (whom nothing links). Its ID tokens
 * carry {@code email} and {@code email_verified}, as Google's do.
 */
final class TestOpenIdProvider implements AutoCloseable {

	static final String CLIENT_ID = "palisade-sample";

	static final String CLIENT_SECRET = "test-idp-client-secret";

	private final ConfigurableApplicationContext context;

	private final int port;

	private TestOpenIdProvider(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/** Starts the provider; it redirects back to the app's callback on {@code http://127.0.0.1:<appPort>}. */
	static TestOpenIdProvider start(int appPort) throws IOException {
		int port = freePort();
		String client = "spring.security.oauth2.authorizationserver.client.sample.registration.";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
			.web(WebApplicationType.SERVLET)
			.properties("spring.config.name=test-openid-provider", "server.port=" + port,
					"spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port,
					client + "client-id=" + CLIENT_ID, client + "client-secret={noop}" + CLIENT_SECRET,
					client + "client-authentication-methods=client_secret_basic",
					client + "authorization-grant-types=authorization_code",
					client + "redirect-uris=http://127.0.0.1:" + appPort + "/app/login/oauth2/code/test-idp",
					client + "scopes=openid,profile,email",
					"spring.security.oauth2.authorizationserver.client.sample.require-authorization-consent=false")
			.run();
		return new TestOpenIdProvider(context, port);
	}

	/** The issuer, as the app's {@code issuer-uri}. */
	String issuer() {
		return "http://localhost:" + this.port;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** A test configuration, so the sample's component scan leaves it out of the sample's own tests. */
	@TestConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
			OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class })
	static class Provider {

		@Bean
		InMemoryUserDetailsManager people() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice@acme.example").password("{noop}alice-password").roles("USER").build(),
					User.withUsername("mallory@evil.example").password("{noop}mallory-password").roles("USER").build());
		}

		/** Email claims in the ID token, verified, as a provider that checked the address sends them. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
			return (context) -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					String email = context.getPrincipal().getName();
					context.getClaims().claim("email", email).claim("email_verified", true);
				}
			};
		}
	}
}
