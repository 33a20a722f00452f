package dev.palisade.security.autoconfigure.token;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.InvalidTokenException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tokens of an external identity provider, whose discovery document and JWK Set are served over
 * real HTTP on loopback the way Keycloak or Auth0 serve them.
 */
class ExternalIssuerTests {

	private HttpServer server;

	private String issuer;

	private RSAKey providerKey;

	private final AtomicInteger jwksFetches = new AtomicInteger();

	@BeforeEach
	void startProvider() throws Exception {
		this.providerKey = new RSAKeyGenerator(2048).keyID("provider-1").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/realms/agents";
		this.server.createContext("/realms/agents/.well-known/openid-configuration",
				(exchange) -> respond(exchange, "{\"issuer\":\"" + this.issuer + "\",\"jwks_uri\":\"" + this.issuer
						+ "/protocol/openid-connect/certs\"}"));
		this.server.createContext("/realms/agents/protocol/openid-connect/certs", (exchange) -> {
			this.jwksFetches.incrementAndGet();
			respond(exchange, new JWKSet(this.providerKey.toPublicJWK()).toString());
		});
		this.server.start();
	}

	@AfterEach
	void stopProvider() {
		this.server.stop(0);
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class))
			.withPropertyValues("palisade.tokens.external.issuer-uri=" + this.issuer,
					"palisade.tokens.external.audiences=agents-api", "palisade.tokens.external.claims.roles=groups",
					"palisade.tokens.external.claims.org=tenant");
	}

	@Test
	void providerTokenVerifiesThroughDiscoveryAndMapsConfiguredClaims() {
		runner().run((context) -> {
			String token = providerToken(this.providerKey, this.issuer, "agents-api", Instant.now().plusSeconds(300));
			PalisadePrincipal principal = context.getBean(AccessTokenVerifier.class).verify(token).principal();
			assertThat(principal.subject()).isEqualTo("kc-user-1");
			assertThat(principal.roles()).containsExactlyInAnyOrder("org:admin", "org:member");
			assertThat(principal.org()).isEqualTo("acme");
			assertThat(principal.permissions()).containsExactly("agents:read");
		});
	}

	@Test
	void palisadesOwnTokensStillVerifyBesideTheProvider() {
		runner().run((context) -> {
			String own = context.getBean(AccessTokenIssuer.class)
				.issue(new AccessTokenRequest("u1", PrincipalKind.USER, null, null, Set.of(), Set.of(), null))
				.value();
			assertThat(context.getBean(AccessTokenVerifier.class).verify(own).principal().subject()).isEqualTo("u1");
			assertThat(this.jwksFetches).hasValue(0);
		});
	}

	@Test
	void floodOfUnknownKeyIdsRefreshesTheKeySetAtMostOncePerInterval() {
		runner().run((context) -> {
			AccessTokenVerifier verifier = context.getBean(AccessTokenVerifier.class);
			verifier.verify(providerToken(this.providerKey, this.issuer, "agents-api", Instant.now().plusSeconds(300)));
			for (int i = 0; i < 50; i++) {
				RSAKey forged = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
				String token = providerToken(forged, this.issuer, "agents-api", Instant.now().plusSeconds(300));
				assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> verifier.verify(token));
			}
			// one fetch for the first token, at most one refresh for the whole flood
			assertThat(this.jwksFetches.get()).isBetween(1, 2);
		});
	}

	@Test
	void wrongIssuerWrongAudienceAndExpiryAreRefused() {
		runner().run((context) -> {
			AccessTokenVerifier verifier = context.getBean(AccessTokenVerifier.class);
			Instant later = Instant.now().plusSeconds(300);
			assertReason(verifier, providerToken(this.providerKey, "https://evil.test", "agents-api", later),
					Reason.WRONG_ISSUER);
			assertReason(verifier, providerToken(this.providerKey, this.issuer, "other-api", later),
					Reason.WRONG_AUDIENCE);
			assertReason(verifier,
					providerToken(this.providerKey, this.issuer, "agents-api", Instant.now().minusSeconds(120)),
					Reason.EXPIRED);
		});
	}

	@Test
	void revokedProviderTokenIsRefusedBeforeItsExpiry() {
		runner().withBean(AccessTokenRevocations.class, () -> (jti) -> "revoked-jti".equals(jti)).run((context) -> {
			AccessTokenVerifier verifier = context.getBean(AccessTokenVerifier.class);
			Instant later = Instant.now().plusSeconds(300);
			assertThat(verifier.verify(providerToken(this.providerKey, this.issuer, "agents-api", later, "live-jti"))
				.jti()).isEqualTo("live-jti");
			assertReason(verifier, providerToken(this.providerKey, this.issuer, "agents-api", later, "revoked-jti"),
					Reason.REVOKED);
		});
	}

	@Test
	void unreachableProviderIsARefusalNotAServerError() {
		this.server.stop(0);
		runner().run((context) -> {
			String token = providerToken(this.providerKey, this.issuer, "agents-api", Instant.now().plusSeconds(300));
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> context.getBean(AccessTokenVerifier.class).verify(token));
		});
	}

	@Test
	void withOnlyAJwkSetUriTheConfiguredIssuerIsEnforced() {
		jwkSetOnlyRunner()
			.withPropertyValues("palisade.tokens.external.issuer=" + this.issuer,
					"palisade.tokens.external.audiences=agents-api")
			.run((context) -> {
				AccessTokenVerifier verifier = context.getBean(AccessTokenVerifier.class);
				Instant later = Instant.now().plusSeconds(300);
				assertThat(verifier.verify(providerToken(this.providerKey, this.issuer, "agents-api", later))
					.principal()
					.subject()).isEqualTo("kc-user-1");
				assertReason(verifier, providerToken(this.providerKey, "https://other-realm.test", "agents-api", later),
						Reason.WRONG_ISSUER);
				assertReason(verifier, providerToken(this.providerKey, this.issuer, "some-other-client", later),
						Reason.WRONG_AUDIENCE);
			});
	}

	@Test
	void jwkSetUriWithoutAnIssuerFailsStartUpNamingTheProperty() {
		jwkSetOnlyRunner().withPropertyValues("palisade.tokens.external.audiences=agents-api")
			.run((context) -> assertStartUpRefused(context.getStartupFailure(), "palisade.tokens.external.issuer"));
	}

	@Test
	void noAudiencesFailsStartUpNamingTheProperty() {
		jwkSetOnlyRunner().withPropertyValues("palisade.tokens.external.issuer=" + this.issuer)
			.run((context) -> assertStartUpRefused(context.getStartupFailure(), "palisade.tokens.external.audiences"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class))
			.withPropertyValues("palisade.tokens.external.issuer-uri=" + this.issuer)
			.run((context) -> assertStartUpRefused(context.getStartupFailure(), "palisade.tokens.external.audiences"));
	}

	@Test
	void issuerThatContradictsIssuerUriFailsStartUp() {
		runner().withPropertyValues("palisade.tokens.external.issuer=https://other-realm.test")
			.run((context) -> assertStartUpRefused(context.getStartupFailure(), "palisade.tokens.external.issuer"));
	}

	private ApplicationContextRunner jwkSetOnlyRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class))
			.withPropertyValues("palisade.tokens.external.jwk-set-uri=" + this.issuer + "/protocol/openid-connect/certs");
	}

	private static void assertStartUpRefused(Throwable failure, String property) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class);
		assertThat(((InvalidConfigurationPropertyValueException) cause).getName()).isEqualTo(property);
		assertThat(cause.getMessage()).contains(property);
	}

	private static void assertReason(AccessTokenVerifier verifier, String token, Reason reason) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> verifier.verify(token))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private static String providerToken(RSAKey key, String issuer, String audience, Instant expiresAt)
			throws Exception {
		return providerToken(key, issuer, audience, expiresAt, UUID.randomUUID().toString());
	}

	private static String providerToken(RSAKey key, String issuer, String audience, Instant expiresAt, String jti)
			throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.jwtID(jti)
			.subject("kc-user-1")
			.audience(List.of(audience))
			.expirationTime(Date.from(expiresAt))
			.issueTime(Date.from(expiresAt.minusSeconds(600)))
			.claim("groups", List.of("org:admin", "org:member"))
			.claim("tenant", "acme")
			.claim("scope", "agents:read")
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
