package dev.palisade.security.autoconfigure.apikey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyFormat;
import dev.palisade.security.apikey.ApiKeyHasher;
import dev.palisade.security.apikey.ApiKeyOutcome;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.apikey.ApiKeyVerifier;
import dev.palisade.security.apikey.GeneratedApiKey;
import dev.palisade.security.apikey.InMemoryApiKeyStore;
import dev.palisade.security.apikey.LastUsedRecorder;
import dev.palisade.security.apikey.ParsedApiKey;
import dev.palisade.security.apikey.Pepper;
import dev.palisade.security.apikey.StaticApiKeyStore;
import dev.palisade.security.apikey.jdbc.JdbcApiKeyStore;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.web.ApiKeyAuthenticationConverter;
import dev.palisade.security.web.ApiKeyAuthenticationProvider;
import dev.palisade.security.web.BearerCredentialRouting;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeApiKeyAutoConfigurationTests {

	static final String PEPPER = "pepper-for-tests-0123456789-0123456789";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeApiKeyAutoConfiguration.class,
				PalisadeApiKeyMetricsAutoConfiguration.class));

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeApiKeyAutoConfiguration.class));

	private static GeneratedApiKey create(ConfigurableApplicationContext context) {
		return context.getBean(ApiKeyService.class)
			.create(new ApiKeyCreateRequest("ci", "alice", PrincipalKind.USER, "acme", null, Set.of("agents:read"), null),
					Set.of("agents:read"));
	}

	private static String analysis(AssertableApplicationContext context) {
		FailureAnalysis analysis = new InvalidApiKeyConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis").isNotNull();
		return analysis.getDescription() + "\n" + analysis.getAction();
	}

	@Test
	void defaultsAreAMemoryStoreWithARandomPepperAndEveryPart() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ApiKeyFormat.class)
				.hasSingleBean(ApiKeyHasher.class)
				.hasSingleBean(ApiKeyVerifier.class)
				.hasSingleBean(ApiKeyService.class)
				.hasSingleBean(LastUsedRecorder.class)
				.hasSingleBean(ApiKeyAuthenticationProvider.class)
				.doesNotHaveBean(ApiKeyMetrics.class);
			assertThat(context.getBean(ApiKeyStore.class)).isInstanceOf(InMemoryApiKeyStore.class);
			assertThat(context.getBean(ApiKeyFormat.class).prefix()).isEqualTo("pal");
			GeneratedApiKey key = create(context);
			assertThat(key.plaintext()).startsWith("pal_");
			assertThat(context.getBean(ApiKeyVerifier.class).verify(key.plaintext()).outcome())
				.isEqualTo(ApiKeyOutcome.VALID);
		});
	}

	@Test
	void servletAppsGetTheConverterAndTheBearerRouting() {
		this.webContextRunner.withPropertyValues("palisade.api-keys.header-name=X-Key").run((context) -> {
			assertThat(context.getBean(ApiKeyAuthenticationConverter.class).headerName()).isEqualTo("X-Key");
			BearerCredentialRouting routing = context.getBean(BearerCredentialRouting.class);
			assertThat(routing.isOpaque("pal_abc")).isTrue();
			assertThat(routing.isAccessToken("eyJhbGciOiJFUzI1NiJ9.e30.x")).isTrue();
		});
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ApiKeyAuthenticationConverter.class)
			.doesNotHaveBean(BearerCredentialRouting.class));
	}

	@Test
	void bearerRoutingIsLeftOutWhenBearerKeysAreOff() {
		this.webContextRunner.withPropertyValues("palisade.api-keys.accept-bearer=false")
			.run((context) -> assertThat(context).hasSingleBean(ApiKeyAuthenticationConverter.class)
				.doesNotHaveBean(BearerCredentialRouting.class));
	}

	@Test
	void customPrefixShapesKeysAndRouting() {
		this.webContextRunner.withPropertyValues("palisade.api-keys.prefix=acme").run((context) -> {
			assertThat(create(context).plaintext()).startsWith("acme_");
			assertThat(context.getBean(BearerCredentialRouting.class).isOpaque("pal_x")).isFalse();
		});
	}

	@Test
	void jdbcStoreUsesTheDataSourceAndCreatesTheTableWhenAsked() {
		this.contextRunner.withUserConfiguration(H2.class)
			.withPropertyValues("palisade.api-keys.store=jdbc", "palisade.api-keys.jdbc.initialize-schema=true",
					"palisade.api-keys.pepper=" + PEPPER)
			.run((context) -> {
				assertThat(context.getBean(ApiKeyStore.class)).isInstanceOf(JdbcApiKeyStore.class);
				GeneratedApiKey key = create(context);
				context.getBean(ApiKeyVerifier.class).invalidateAll();
				assertThat(context.getBean(ApiKeyVerifier.class).verify(key.plaintext()).isValid()).isTrue();
			});
	}

	@Test
	void jdbcStoreWithoutADataSourceFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("palisade.api-keys.store=jdbc", "palisade.api-keys.pepper=" + PEPPER)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analysis(context)).contains("palisade.api-keys.store").contains("DataSource");
			});
	}

	@Test
	void staticStoreVerifiesADeclaredHash() throws Exception {
		ParsedApiKey key = new ApiKeyFormat().generate(new java.security.SecureRandom());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(PEPPER.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String hash = Base64.getEncoder().encodeToString(mac.doFinal(key.presented().getBytes(StandardCharsets.US_ASCII)));
		this.contextRunner
			.withPropertyValues("palisade.api-keys.store=static", "palisade.api-keys.pepper=" + PEPPER,
					"palisade.api-keys.static-keys[0].id=" + key.keyId(), "palisade.api-keys.static-keys[0].name=ci",
					"palisade.api-keys.static-keys[0].owner=deployer", "palisade.api-keys.static-keys[0].org=acme",
					"palisade.api-keys.static-keys[0].scopes=agents:read,agents:write",
					"palisade.api-keys.static-keys[0].hash=" + hash)
			.run((context) -> {
				assertThat(context.getBean(ApiKeyStore.class)).isInstanceOf(StaticApiKeyStore.class);
				var verification = context.getBean(ApiKeyVerifier.class).verify(key.presented());
				assertThat(verification.outcome()).isEqualTo(ApiKeyOutcome.VALID);
				assertThat(verification.toPrincipal().permissions()).containsExactlyInAnyOrder("agents:read",
						"agents:write");
				assertThat(verification.ownerKind()).isEqualTo(PrincipalKind.SERVICE);
			});
	}

	@Test
	void staticStoreWithABadHashFailsNamingTheEntry() {
		this.contextRunner
			.withPropertyValues("palisade.api-keys.store=static", "palisade.api-keys.pepper=" + PEPPER,
					"palisade.api-keys.static-keys[0].id=abc", "palisade.api-keys.static-keys[0].owner=deployer",
					"palisade.api-keys.static-keys[0].org=acme", "palisade.api-keys.static-keys[0].hash=not base64")
			.run((context) -> assertThat(analysis(context)).contains("palisade.api-keys.static-keys[0].hash"));
	}

	@Test
	void declaredKeysWithAnotherStoreFailRatherThanBeIgnored() {
		this.contextRunner.withPropertyValues("palisade.api-keys.static-keys[0].id=abc")
			.run((context) -> assertThat(analysis(context)).contains("palisade.api-keys.store=static"));
	}

	@Test
	void missingPepperFailsStartUpForStoredKeysWithTheAnalyzerMessage() {
		for (String store : new String[] { "jdbc", "static" }) {
			this.contextRunner.withUserConfiguration(H2.class)
				.withPropertyValues("palisade.api-keys.store=" + store)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(analysis(context)).contains("Set palisade.api-keys.pepper")
						.contains("needs a pepper")
						.contains("openssl rand");
				});
		}
	}

	@Test
	void shortPepperFailsWithoutEchoingIt() {
		this.contextRunner.withPropertyValues("palisade.api-keys.pepper=too-short-secret").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analysis(context)).contains("palisade.api-keys.pepper").doesNotContain("too-short-secret");
		});
	}

	@Test
	void previousPeppersKeepOldHashesVerifying() {
		String oldPepper = "the-old-pepper-0123456789-0123456789";
		ApiKeyHasher oldHasher = new ApiKeyHasher(new Pepper("p1", oldPepper.getBytes(StandardCharsets.UTF_8)));
		ApiKeyFormat format = new ApiKeyFormat();
		ParsedApiKey key = format.generate(new java.security.SecureRandom());
		this.contextRunner
			.withPropertyValues("palisade.api-keys.pepper=" + PEPPER, "palisade.api-keys.pepper-id=p2",
					"palisade.api-keys.previous-peppers[0].id=p1",
					"palisade.api-keys.previous-peppers[0].secret=" + oldPepper)
			.run((context) -> {
				ApiKeyHasher hasher = context.getBean(ApiKeyHasher.class);
				assertThat(hasher.matches(key.presented(), oldHasher.hash(key.presented()))).isTrue();
				assertThat(hasher.hash(key.presented()).pepperId()).isEqualTo("p2");
				assertThat(hasher.toString()).doesNotContain(PEPPER).doesNotContain(oldPepper);
				assertThat(context.getBean(PalisadeApiKeyProperties.class).toString()).doesNotContain(PEPPER)
					.doesNotContain(oldPepper);
			});
	}

	@Test
	void badPrefixFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("palisade.api-keys.prefix=Not_Valid")
			.run((context) -> assertThat(analysis(context)).contains("palisade.api-keys.prefix"));
	}

	@Test
	void metricsAreContributedWhenAMeterRegistryExists() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(ApiKeyMetrics.class);
			assertThat(context.getBean(SimpleMeterRegistry.class).find(ApiKeyMetrics.NAME).counters())
				.hasSize(ApiKeyOutcome.values().length + 1);
		});
	}

	@Test
	void lastUseIsFlushedToTheStoreWhenTheContextCloses() {
		InMemoryApiKeyStore store = new InMemoryApiKeyStore();
		String[] keyId = new String[1];
		this.contextRunner.withBean(ApiKeyStore.class, () -> store)
			.withPropertyValues("palisade.api-keys.last-used-flush-interval=1h")
			.run((context) -> {
				GeneratedApiKey key = create(context);
				keyId[0] = key.keyId();
				assertThat(context.getBean(ApiKeyVerifier.class).verify(key.plaintext()).isValid()).isTrue();
				assertThat(store.findById(key.keyId()).orElseThrow().lastUsedAt()).isNull();
			});
		assertThat(store.findById(keyId[0]).orElseThrow().lastUsedAt()).isNotNull();
	}

	@Test
	void disabledMeansNoApiKeyBeans() {
		this.webContextRunner.withPropertyValues("palisade.api-keys.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ApiKeyVerifier.class)
				.doesNotHaveBean(ApiKeyAuthenticationProvider.class)
				.doesNotHaveBean(ApiKeyAuthenticationConverter.class)
				.doesNotHaveBean(BearerCredentialRouting.class));
	}

	@Test
	void everyBeanBacksOffForTheApplicationsOwn() {
		this.webContextRunner.withUserConfiguration(OwnBeans.class)
			.withBean(SimpleMeterRegistry.class)
			.withConfiguration(AutoConfigurations.of(PalisadeApiKeyMetricsAutoConfiguration.class))
			.run((context) -> {
				for (String name : List.of("ownFormat", "ownHasher", "ownStore", "ownRecorder", "ownVerifier",
						"ownService", "ownProvider", "ownConverter", "ownRouting", "ownMetrics")) {
					Object own = context.getBean(name);
					assertThat(context.getBeansOfType(own.getClass())).as(name).containsOnlyKeys(name);
				}
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class H2 {

		@Bean
		JdbcDataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		private final ApiKeyFormat format = new ApiKeyFormat("own");

		private final ApiKeyHasher hasher = new ApiKeyHasher(
				new Pepper("own", PEPPER.getBytes(StandardCharsets.UTF_8)));

		private final ApiKeyStore store = new InMemoryApiKeyStore();

		private final ApiKeyVerifier verifier = ApiKeyVerifier.builder(this.format, this.hasher, this.store).build();

		@Bean
		ApiKeyFormat ownFormat() {
			return this.format;
		}

		@Bean
		ApiKeyHasher ownHasher() {
			return this.hasher;
		}

		@Bean
		ApiKeyStore ownStore() {
			return this.store;
		}

		@Bean(destroyMethod = "close")
		LastUsedRecorder ownRecorder() {
			return LastUsedRecorder.start(this.store, Duration.ofMinutes(1));
		}

		@Bean
		ApiKeyVerifier ownVerifier() {
			return this.verifier;
		}

		@Bean
		ApiKeyService ownService() {
			return ApiKeyService.builder(this.format, this.hasher, this.store).build();
		}

		@Bean
		ApiKeyAuthenticationProvider ownProvider() {
			return new ApiKeyAuthenticationProvider(this.verifier, this.format, 100, true, List.of());
		}

		@Bean
		ApiKeyAuthenticationConverter ownConverter() {
			return new ApiKeyAuthenticationConverter("X-Own", null);
		}

		@Bean
		BearerCredentialRouting ownRouting() {
			return new BearerCredentialRouting(List.of("own_"));
		}

		@Bean
		ApiKeyMetrics ownMetrics() {
			return new ApiKeyMetrics(new SimpleMeterRegistry());
		}
	}
}
