package dev.palisade.security.autoconfigure.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.jdbc.JdbcAuditSink;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.audit.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeAuditAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeAuditAutoConfiguration.class));

	private ApplicationContextRunner inTempDir() {
		return this.contextRunner.withPropertyValues("palisade.audit.path=" + this.dir.resolve("audit"));
	}

	private static AuditEvent event(String id) {
		return AuditEvent.builder()
			.action("test.action")
			.actor(new AuditActor("user", id, null))
			.result(AuditResult.SUCCESS)
			.build();
	}

	@Test
	void aSecondContextOnTheSameAuditDirectoryFailsToStartWithAnExplanation() {
		inTempDir().run((first) -> {
			assertThat(first).hasNotFailed();
			inTempDir().run((second) -> {
				assertThat(second).hasFailed();
				FailureAnalysis analysis = new AuditDirectoryInUseFailureAnalyzer().analyze(second.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("another audit writer")
					.contains(this.dir.resolve("audit").toAbsolutePath().toString());
				assertThat(analysis.getAction()).contains("palisade.audit.path");
			});
		});
		inTempDir().run((again) -> assertThat(again).as("the lock went with the first context").hasNotFailed());
	}

	@Test
	void defaultsWriteAVerifiableFileLogWithGeneratedKeys() {
		inTempDir().run((context) -> {
			assertThat(context).hasSingleBean(AuditLog.class)
				.hasSingleBean(AuditRecorder.class)
				.hasSingleBean(AuditVerifier.class)
				.hasSingleBean(SecurityEventAuditor.class)
				.hasSingleBean(AuthenticationEventPublisher.class);
			assertThat(context.getBean(AuditSink.class)).isInstanceOf(JsonLinesFileSink.class);
			context.getBean(AuditRecorder.class).record(event("alice"));
			VerificationResult result = context.getBean(AuditVerifier.class).verifyDirectory(this.dir.resolve("audit"));
			assertThat(result.intact()).isTrue();
			assertThat(result.verifiedRecords()).isEqualTo(1);
			assertThat(context.getBean(AuditKeyMaterial.class).toString()).doesNotContain(
					Base64.getEncoder().encodeToString(context.getBean(AuditKeyMaterial.class).hmacKey()));
		});
		Path keys = this.dir.resolve("audit/keys");
		assertThat(keys.resolve(AuditKeyLoader.HMAC_KEY_FILE)).exists();
		assertThat(keys.resolve(AuditKeyLoader.SIGNING_KEY_FILE)).exists();
		assertThat(keys.resolve(AuditKeyLoader.PUBLIC_KEY_FILE)).exists();
	}

	@Test
	void generatedKeysAreOwnerOnly() throws Exception {
		inTempDir().run((context) -> assertThat(context).hasNotFailed());
		Path keys = this.dir.resolve("audit/keys");
		if (Files.getFileStore(keys).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(AuditKeyLoader.HMAC_KEY_FILE))))
				.isEqualTo("rw-------");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(keys.resolve(AuditKeyLoader.SIGNING_KEY_FILE)))).isEqualTo("rw-------");
		}
	}

	@Test
	void generatedKeysAreReusedAfterARestartAndTheChainContinues() throws Exception {
		List<byte[]> hmacKeys = new ArrayList<>();
		inTempDir().run((context) -> {
			hmacKeys.add(context.getBean(AuditKeyMaterial.class).hmacKey());
			context.getBean(AuditRecorder.class).record(event("first"));
		});
		byte[] privatePem = Files.readAllBytes(this.dir.resolve("audit/keys").resolve(AuditKeyLoader.SIGNING_KEY_FILE));
		inTempDir().run((context) -> {
			hmacKeys.add(context.getBean(AuditKeyMaterial.class).hmacKey());
			context.getBean(AuditRecorder.class).record(event("second"));
		});
		assertThat(hmacKeys.get(1)).isEqualTo(hmacKeys.get(0));
		assertThat(Files.readAllBytes(this.dir.resolve("audit/keys").resolve(AuditKeyLoader.SIGNING_KEY_FILE)))
			.isEqualTo(privatePem);
		inTempDir().run((context) -> {
			VerificationResult result = context.getBean(AuditVerifier.class).verifyDirectory(this.dir.resolve("audit"));
			assertThat(result.intact()).as(result.summary()).isTrue();
			assertThat(result.verifiedRecords()).isEqualTo(2);
			// each closed context wrote a final signed checkpoint, verified with the reloaded public key
			assertThat(result.verifiedCheckpoints()).isEqualTo(2);
		});
	}

	@Test
	void configuredHmacKeyIsUsedAndNothingIsGenerated() {
		byte[] key = new byte[32];
		key[0] = 7;
		inTempDir().withPropertyValues("palisade.audit.hmac-key=" + Base64.getEncoder().encodeToString(key))
			.run((context) -> {
				assertThat(context.getBean(AuditKeyMaterial.class).hmacKey()).isEqualTo(key);
				assertThat(context.getBean(AuditKeyMaterial.class).signingKey()).isNull();
			});
		assertThat(this.dir.resolve("audit/keys")).doesNotExist();
	}

	@Test
	void hmacKeyShorterThan32BytesFailsStartUpNamingTheProperty() {
		inTempDir().withPropertyValues("palisade.audit.hmac-key=" + Base64.getEncoder().encodeToString(new byte[16]))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("palisade.audit.hmac-key")
				.hasMessageContaining("32 bytes"));
	}

	@Test
	void jdbcSinkIsSelectedAndNeedsAConfiguredKey() {
		this.contextRunner.withUserConfiguration(DataSourceAndOwnLog.class)
			.withPropertyValues("palisade.audit.sink=jdbc",
					"palisade.audit.hmac-key=" + Base64.getEncoder().encodeToString(new byte[32]))
			.run((context) -> assertThat(context.getBean(AuditSink.class)).isInstanceOf(JdbcAuditSink.class));
		this.contextRunner.withUserConfiguration(DataSourceAndOwnLog.class)
			.withPropertyValues("palisade.audit.sink=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("palisade.audit.hmac-key"));
	}

	@Test
	void jdbcSinkWithoutADataSourceFailsStartUp() {
		this.contextRunner
			.withPropertyValues("palisade.audit.sink=jdbc",
					"palisade.audit.hmac-key=" + Base64.getEncoder().encodeToString(new byte[32]))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("DataSource"));
	}

	@Test
	void userBeansReplaceTheAutoConfiguredOnes() {
		inTempDir().withUserConfiguration(OwnRecorder.class).run((context) -> {
			assertThat(context).hasSingleBean(AuditRecorder.class);
			assertThat(context.getBean(AuditRecorder.class)).isSameAs(OwnRecorder.RECORDER);
		});
		inTempDir().withUserConfiguration(DataSourceAndOwnLog.class).run((context) -> {
			assertThat(context).hasSingleBean(AuditLog.class);
			assertThat(context.getBean(AuditLog.class)).isSameAs(context.getBean("ownLog"));
		});
	}

	@Test
	void disabledAuditCreatesNothing() {
		inTempDir().withPropertyValues("palisade.audit.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AuditLog.class)
				.doesNotHaveBean(AuditRecorder.class)
				.doesNotHaveBean(SecurityEventAuditor.class);
		});
		assertThat(this.dir.resolve("audit")).doesNotExist();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRecorder {

		static final AuditRecorder RECORDER = (event) -> {
		};

		@Bean
		AuditRecorder ownRecorder() {
			return RECORDER;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceAndOwnLog {

		@Bean
		DataSource dataSource() {
			// never connected to: the application's own AuditLog below replaces the one that would open it
			return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
						throw new UnsupportedOperationException("not connected in this test");
					});
		}

		@Bean(destroyMethod = "close")
		AuditLog ownLog() throws Exception {
			return AuditLog.builder(new JsonLinesFileSink(Files.createTempDirectory("own-audit")), new byte[32]).open();
		}
	}
}
