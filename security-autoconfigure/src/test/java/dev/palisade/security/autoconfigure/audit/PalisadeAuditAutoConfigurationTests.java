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
	void rotatingTheHmacAndSigningKeysByConfigurationContinuesOneVerifiableChain() throws Exception {
		String oldHmac = Base64.getEncoder().encodeToString(filled(1));
		String newHmac = Base64.getEncoder().encodeToString(filled(2));
		java.security.KeyPair oldSigning = dev.palisade.security.audit.AuditKeys.generateSigningKeyPair();
		java.security.KeyPair newSigning = dev.palisade.security.audit.AuditKeys.generateSigningKeyPair();
		Path oldPrivate = Files.writeString(this.dir.resolve("old.pem"),
				dev.palisade.security.audit.AuditKeys.toPem(oldSigning.getPrivate()));
		Path oldPublic = Files.writeString(this.dir.resolve("old-public.pem"),
				dev.palisade.security.audit.AuditKeys.toPem(oldSigning.getPublic()));
		Path newPrivate = Files.writeString(this.dir.resolve("new.pem"),
				dev.palisade.security.audit.AuditKeys.toPem(newSigning.getPrivate()));
		inTempDir().withPropertyValues("palisade.audit.hmac-key=" + oldHmac, "palisade.audit.hmac-key-id=2026-01",
				"palisade.audit.signing-key-file=" + oldPrivate, "palisade.audit.signing-key-id=sig-2026-01")
			.run((context) -> context.getBean(AuditRecorder.class).record(event("before")));
		ApplicationContextRunner rotated = inTempDir().withPropertyValues("palisade.audit.hmac-key=" + newHmac,
				"palisade.audit.hmac-key-id=2026-02", "palisade.audit.previous-hmac-keys[0].id=2026-01",
				"palisade.audit.previous-hmac-keys[0].key=" + oldHmac, "palisade.audit.signing-key-file=" + newPrivate,
				"palisade.audit.signing-key-id=sig-2026-02", "palisade.audit.previous-verification-keys[0].id=sig-2026-01",
				"palisade.audit.previous-verification-keys[0].file=" + oldPublic);
		rotated.run((context) -> {
			assertThat(context.getBean(AuditKeyMaterial.class).toString()).contains("2026-02", "2026-01")
				.doesNotContain(oldHmac, newHmac);
			context.getBean(AuditRecorder.class).record(event("after"));
		});
		rotated.run((context) -> {
			VerificationResult result = context.getBean(AuditVerifier.class).verifyDirectory(this.dir.resolve("audit"));
			assertThat(result.intact()).as(result.summary()).isTrue();
			assertThat(result.verifiedRecords()).isEqualTo(2);
			assertThat(result.verifiedCheckpoints()).isEqualTo(2);
		});
		List<String> lines = new ArrayList<>();
		for (Path file : dev.palisade.security.audit.file.AuditLogFiles.recordFiles(this.dir.resolve("audit"))) {
			lines.addAll(Files.readAllLines(file));
		}
		assertThat(lines.get(0)).contains("\"kid\":\"2026-01\"");
		assertThat(lines.get(1)).contains("\"kid\":\"2026-02\"");
		// without the previous key the first record cannot be checked, and that is reported
		inTempDir().withPropertyValues("palisade.audit.hmac-key=" + newHmac, "palisade.audit.hmac-key-id=2026-02")
			.run((context) -> assertThat(context.getBean(AuditVerifier.class)
				.verifyDirectory(this.dir.resolve("audit"))
				.reason()).isEqualTo(dev.palisade.security.audit.verify.FailureReason.UNKNOWN_KEY));
	}

	@Test
	void anAuditKeyIdThatWouldNeedEscapingOrIsUsedTwiceFailsTheStart() {
		String hmac = Base64.getEncoder().encodeToString(filled(1));
		inTempDir().withPropertyValues("palisade.audit.hmac-key=" + hmac, "palisade.audit.hmac-key-id=a\"b")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("palisade.audit.hmac-key-id"));
		inTempDir().withPropertyValues("palisade.audit.hmac-key=" + hmac, "palisade.audit.hmac-key-id=k1",
				"palisade.audit.previous-hmac-keys[0].id=k1", "palisade.audit.previous-hmac-keys[0].key=" + hmac)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("already used")
				.hasMessageNotContaining(hmac));
	}

	private static byte[] filled(int value) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) value);
		return key;
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
				.hasMessageContaining("16 bytes, fewer than the 32"));
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
