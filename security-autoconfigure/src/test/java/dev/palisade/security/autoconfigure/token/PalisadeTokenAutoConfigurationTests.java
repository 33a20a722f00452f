package dev.palisade.security.autoconfigure.token;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.AccessTokenSettings;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.CachingAccessTokenVerifier;
import dev.palisade.security.token.InvalidKeyConfigurationException;
import dev.palisade.security.token.KeyringAccessTokenVerifier;
import dev.palisade.security.token.RotatingKeyring;
import dev.palisade.security.token.TokenKey;
import dev.palisade.security.token.TokenKeyring;
import dev.palisade.security.token.VerifiedAccessToken;
import dev.palisade.security.web.AccessTokenAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeTokenAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class));

	@Test
	void defaultsIssueTokensTheVerifierAccepts() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RotatingKeyring.class)
				.hasSingleBean(AccessTokenIssuer.class)
				.hasSingleBean(AccessTokenVerifier.class)
				.hasSingleBean(AccessTokenAuthenticationProvider.class)
				.doesNotHaveBean(ExternalJwtAccessTokenVerifier.class);
			assertThat(context.getBean(AccessTokenVerifier.class)).isInstanceOf(CachingAccessTokenVerifier.class);
			AccessTokenSettings settings = context.getBean(AccessTokenSettings.class);
			assertThat(settings.ttl()).hasMinutes(15);
			assertThat(settings.clockSkew()).hasSeconds(60);
			assertThat(settings.maxTokenLength()).isEqualTo(8192);
			String token = context.getBean(AccessTokenIssuer.class)
				.issue(new AccessTokenRequest("u1", PrincipalKind.USER, "acme", null, Set.of("org:admin"),
						Set.of("agents:read"), null))
				.value();
			VerifiedAccessToken verified = context.getBean(AccessTokenVerifier.class).verify(token);
			assertThat(verified.principal().subject()).isEqualTo("u1");
			assertThat(verified.principal().org()).isEqualTo("acme");
			assertThat(verified.principal().permissions()).containsExactly("agents:read");
		});
	}

	@Test
	void cacheCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("palisade.tokens.cache.enabled=false")
			.run((context) -> assertThat(context.getBean(AccessTokenVerifier.class))
				.isInstanceOf(KeyringAccessTokenVerifier.class));
	}

	@Test
	void everyBeanBacksOffForTheApplicationsOwn() {
		this.contextRunner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context.getBean(RotatingKeyring.class)).isSameAs(context.getBean("ownKeyring"));
			assertThat(context.getBean(AccessTokenSettings.class)).isSameAs(context.getBean("ownSettings"));
			assertThat(context.getBean(AccessTokenIssuer.class)).isSameAs(context.getBean("ownIssuer"));
			assertThat(context.getBean(AccessTokenVerifier.class)).isSameAs(context.getBean("ownVerifier"));
			assertThat(context.getBean(AccessTokenAuthenticationProvider.class))
				.isSameAs(context.getBean("ownProvider"));
		});
	}

	@Test
	void disabledTokensContributeNothing() {
		this.contextRunner.withPropertyValues("palisade.tokens.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RotatingKeyring.class)
				.doesNotHaveBean(AccessTokenIssuer.class)
				.doesNotHaveBean(AccessTokenVerifier.class));
	}

	@Test
	void withoutSpringSecurityOAuth2TheProviderIsNotDefined() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BearerTokenAuthenticationToken.class))
			.run((context) -> assertThat(context).hasSingleBean(AccessTokenVerifier.class)
				.doesNotHaveBean(AccessTokenAuthenticationProvider.class));
	}

	@Test
	void generatedKeyInADirectorySurvivesARestart(@TempDir Path keys) {
		String[] properties = { "palisade.tokens.signing.directory=" + keys, "palisade.tokens.signing.algorithm=EdDSA" };
		String[] issued = new String[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> issued[0] = context
			.getBean(AccessTokenIssuer.class)
			.issue(new AccessTokenRequest("u1", PrincipalKind.USER, null, null, Set.of(), Set.of(), null))
			.value());
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context.getBean(AccessTokenVerifier.class).verify(issued[0]).principal().subject())
				.isEqualTo("u1"));
	}

	@Test
	void hmacSecretShorterThanTheHashFailsStartUpWithTheFix() {
		this.contextRunner
			.withPropertyValues("palisade.tokens.signing.source=secret", "palisade.tokens.signing.algorithm=HS256",
					"palisade.tokens.signing.secret=only-twenty-bytes!!")
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidKeyConfigurationException cause = findCause(context.getStartupFailure());
				assertThat(cause.reason()).isEqualTo(InvalidKeyConfigurationException.Reason.SECRET_TOO_SHORT);
				FailureAnalysis analysis = new InvalidKeyConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("palisade.tokens.signing.secret").contains("32 bytes");
				assertThat(analysis.getDescription()).doesNotContain("only-twenty-bytes");
			});
	}

	@Test
	void keyThatDoesNotFitItsAlgorithmFailsStartUp(@TempDir Path dir) throws Exception {
		Path pem = dir.resolve("ec.pem");
		java.nio.file.Files.writeString(pem, TestPem.ecPrivateKeyPem());
		this.contextRunner
			.withPropertyValues("palisade.tokens.signing.source=pem", "palisade.tokens.signing.algorithm=RS256",
					"palisade.tokens.signing.private-key=file:" + pem)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidKeyConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(findCause(context.getStartupFailure()).reason())
					.isEqualTo(InvalidKeyConfigurationException.Reason.KEY_ALGORITHM_MISMATCH);
				assertThat(analysis.getAction()).contains("palisade.tokens.signing.algorithm");
			});
	}

	@Test
	void pemKeySignsTokens(@TempDir Path dir) throws Exception {
		Path pem = dir.resolve("ec.pem");
		java.nio.file.Files.writeString(pem, TestPem.ecPrivateKeyPem());
		this.contextRunner
			.withPropertyValues("palisade.tokens.signing.source=pem", "palisade.tokens.signing.algorithm=ES256",
					"palisade.tokens.signing.kid=pem-1", "palisade.tokens.signing.private-key=file:" + pem)
			.run((context) -> {
				assertThat(context.getBean(RotatingKeyring.class).current().active().kid()).isEqualTo("pem-1");
				String token = context.getBean(AccessTokenIssuer.class)
					.issue(new AccessTokenRequest("svc", PrincipalKind.SERVICE, null, null, Set.of(), Set.of(), null))
					.value();
				assertThat(context.getBean(AccessTokenVerifier.class).verify(token).principal().kind())
					.isEqualTo(PrincipalKind.SERVICE);
			});
	}

	@Test
	void aPublishedKeyIsInTheJwkSetBeforeItSignsAndIsPromotedWithoutARestart(@TempDir Path dir) throws Exception {
		Path current = java.nio.file.Files.writeString(dir.resolve("current.pem"), TestPem.ecPrivateKeyPem());
		Path next = java.nio.file.Files.writeString(dir.resolve("next.pem"), TestPem.ecPrivateKeyPem());
		this.contextRunner
			.withPropertyValues("palisade.tokens.signing.source=pem", "palisade.tokens.signing.algorithm=ES256",
					"palisade.tokens.signing.kid=current", "palisade.tokens.signing.private-key=file:" + current,
					"palisade.tokens.signing.published-keys=file:" + next)
			.run((context) -> {
				RotatingKeyring keyring = context.getBean(RotatingKeyring.class);
				assertThat(keyring.current().active().kid()).isEqualTo("current");
				assertThat(keyring.current().publicJwkSet().getKeys()).hasSize(2);
				String nextKid = keyring.current().keys().get(1).kid();
				AccessTokenIssuer issuer = context.getBean(AccessTokenIssuer.class);
				AccessTokenVerifier verifier = context.getBean(AccessTokenVerifier.class);
				AccessTokenRequest request = new AccessTokenRequest("svc", PrincipalKind.SERVICE, null, null, Set.of(),
						Set.of(), null);
				String before = issuer.issue(request).value();
				assertThat(verifier.verify(before).keyId()).isEqualTo("current");

				keyring.promote(nextKid);
				String after = issuer.issue(request).value();
				assertThat(verifier.verify(after).keyId()).isEqualTo(nextKid);
				assertThat(verifier.verify(before).keyId()).isEqualTo("current");
			});
	}

	@Test
	void noSigningKeyFailsStartUp() {
		this.contextRunner.withPropertyValues("palisade.tokens.signing.source=pem").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure()).reason())
				.isEqualTo(InvalidKeyConfigurationException.Reason.NO_SIGNING_KEY);
		});
	}

	@Test
	void externalIssuerAddsAnExternalVerifier() {
		this.contextRunner
			.withPropertyValues("palisade.tokens.external.jwk-set-uri=http://127.0.0.1:1/jwks",
					"palisade.tokens.external.issuer=https://idp.example", "palisade.tokens.external.audiences=agents-api")
			.run((context) -> assertThat(context).hasSingleBean(ExternalJwtAccessTokenVerifier.class));
	}

	private static InvalidKeyConfigurationException findCause(Throwable failure) {
		Throwable current = failure;
		while (current != null) {
			if (current instanceof InvalidKeyConfigurationException cause) {
				return cause;
			}
			current = current.getCause();
		}
		throw new AssertionError("no InvalidKeyConfigurationException in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		RotatingKeyring ownKeyring() {
			return new RotatingKeyring(TokenKeyring.of(TokenKey.generate(JWSAlgorithm.ES256, "own")));
		}

		@Bean
		AccessTokenSettings ownSettings() {
			return AccessTokenSettings.defaults("own-issuer", Set.of("own-audience"));
		}

		@Bean
		AccessTokenIssuer ownIssuer(RotatingKeyring keyring, AccessTokenSettings settings) {
			return new AccessTokenIssuer(keyring, settings, Clock.systemUTC());
		}

		@Bean
		AccessTokenVerifier ownVerifier(RotatingKeyring keyring, AccessTokenSettings settings) {
			return new KeyringAccessTokenVerifier(keyring, settings, Clock.systemUTC());
		}

		@Bean
		AccessTokenAuthenticationProvider ownProvider(AccessTokenVerifier verifier) {
			return new AccessTokenAuthenticationProvider(verifier,
					dev.palisade.security.web.BearerCredentialRouting.accessTokensOnly());
		}
	}
}
