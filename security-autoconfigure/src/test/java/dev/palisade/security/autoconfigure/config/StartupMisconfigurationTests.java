package dev.palisade.security.autoconfigure.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.palisade.security.autoconfigure.audit.PalisadeAuditAutoConfiguration;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitAutoConfiguration;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every misconfiguration issue 15 lists fails start-up with a failure analysis that names the
 * property and the fix, through the analyzers registered in spring.factories (as Boot runs them).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMisconfigurationTests {

	private static final String SHORT_KEY = "c2hvcnRrZXk="; // "shortkey": 8 bytes

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PalisadeConfigurationAutoConfiguration.class, PalisadeTokenAutoConfiguration.class,
					PalisadeRefreshAutoConfiguration.class, PalisadeRateLimitAutoConfiguration.class,
					PalisadeAuditAutoConfiguration.class));

	@Test
	void aBadCidrInTrustedProxiesNamesTheEntry() {
		FailureAnalysis analysis = failure("palisade.rate-limit.trusted-proxies=10.0.0.0/8,10.0.0.0/33");
		assertThat(analysis.getDescription()).contains("palisade.rate-limit.trusted-proxies[1]", "10.0.0.0/33");
		assertThat(analysis.getAction()).contains("/0 to /32");
	}

	@Test
	void anEmptyIssuerFails() {
		FailureAnalysis analysis = failure("palisade.tokens.issuer=");
		assertThat(analysis.getDescription()).contains("palisade.tokens.issuer", "empty");
		assertThat(analysis.getAction()).contains("https://");
	}

	@Test
	void aMissingIssuerIsSaidAtStartUp(CapturedOutput output) {
		inTempDir().run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("palisade.tokens.issuer is not set");
		inTempDir().withPropertyValues("palisade.tokens.issuer=https://auth.example.com")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.toString().split("palisade.tokens.issuer is not set", -1)).hasSize(2);
	}

	@Test
	void aShortAuditHmacKeyNamesThePropertyButNotTheKey() {
		FailureAnalysis analysis = failure("palisade.audit.hmac-key=" + SHORT_KEY);
		assertThat(analysis.getDescription()).contains("palisade.audit.hmac-key", "8 bytes").doesNotContain(SHORT_KEY);
		assertThat(analysis.getAction()).contains("openssl rand -base64 32");
	}

	@Test
	void anUnwritableAuditPathNamesTheDirectory() throws Exception {
		assumeThat(System.getProperty("user.name")).as("root may write anywhere").isNotEqualTo("root");
		Path readOnly = Files.createDirectory(this.dir.resolve("ro"));
		Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
		FailureAnalysis analysis = failure("palisade.audit.path=" + readOnly.resolve("audit"));
		assertThat(analysis.getDescription()).contains("palisade.audit.path");
		assertThat(analysis.getAction()).contains("writable");
	}

	@Test
	void anAuditPathThatIsAFileNamesTheProperty() throws Exception {
		// a file where the directory should be fails for every user, root included
		Path file = Files.writeString(this.dir.resolve("not-a-directory"), "x");
		FailureAnalysis analysis = failure("palisade.audit.path=" + file);
		assertThat(analysis.getDescription()).contains("palisade.audit.path", file.toString());
		assertThat(analysis.getAction()).contains("palisade.audit.path");
	}

	@Test
	void aRedisRefreshStoreWithoutLettuceSaysToAddLettuce() {
		ApplicationContextRunner withoutLettuce = inTempDir()
			.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.withPropertyValues("palisade.refresh.store=redis");
		withoutLettuce.run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("palisade.refresh.store", "Lettuce")
				.doesNotContain("define a bean");
			assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
		});
	}

	@Test
	void aMisspeltPropertyFailsWithTheNameItWasMeantAs() {
		FailureAnalysis analysis = failure("palisade.audit.durabilty=batched", "palisade.tokens.isuer=https://a.example");
		assertThat(analysis.getDescription()).contains("palisade.audit.durabilty", "did you mean palisade.audit.durability?",
				"palisade.tokens.isuer", "did you mean palisade.tokens.issuer?");
		assertThat(analysis.getAction()).contains("palisade.configuration.unknown-properties=warn");
	}

	@Test
	void namesBelowMapsAndListsAndRelaxedSpellingsAreKnown() {
		inTempDir()
			.withPropertyValues("palisade.rate-limit.trusted-proxies[0]=10.0.0.0/8", "palisade.audit.queueCapacity=100",
					"palisade.tokens.audiences[0]=api", "palisade.audit.rotation.max-size=10MB")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownPropertiesCanBeWarnedAboutOrIgnored(CapturedOutput output) {
		inTempDir().withPropertyValues("palisade.audit.durabilty=batched", "palisade.configuration.unknown-properties=warn")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Palisade does not know these properties", "palisade.audit.durabilty");
		inTempDir().withPropertyValues("palisade.nonsense=1", "palisade.configuration.unknown-properties=ignore")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("palisade.nonsense");
	}

	@Test
	void bootsResourceServerIssuerIsRefusedWithThePalisadeProperty() {
		FailureAnalysis analysis = failure("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example.com");
		assertThat(analysis.getDescription()).contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
		assertThat(analysis.getAction()).contains("palisade.tokens.external.issuer-uri", "palisade.tokens.external.audiences");
		inTempDir().withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example.com",
				"palisade.tokens.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private ApplicationContextRunner inTempDir() {
		return this.runner.withPropertyValues("palisade.audit.path=" + this.dir.resolve("audit"));
	}

	private FailureAnalysis failure(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		inTempDir().withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = analyze(context.getStartupFailure());
		});
		return analysis[0];
	}

	/** What Boot prints: the first registered analyzer that recognises the failure. */
	private static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			// Boot's own analyzers want a bean factory; only Palisade's are asked here
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(), (type, name, ex) -> {
			});
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null && analyzer.getClass().getName().startsWith("dev.palisade")) {
				return analysis;
			}
		}
		throw new AssertionError("no Palisade failure analysis for " + failure, failure);
	}
}
