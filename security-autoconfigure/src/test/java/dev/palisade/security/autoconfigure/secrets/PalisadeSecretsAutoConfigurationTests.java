package dev.palisade.security.autoconfigure.secrets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.crypto.PalisadeAeadAutoConfiguration;
import dev.palisade.security.crypto.aead.FieldEncryptor;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.secrets.AuditingSecretStore;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeSecretsAutoConfigurationTests {

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PalisadeAeadAutoConfiguration.class, PalisadeSecretsAutoConfiguration.class));

	@Test
	void nothingWithoutABackend() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(SecretStore.class);
			assertThat(context).doesNotHaveBean(KeyringAead.class);
		});
	}

	@Test
	void theLocalBackendIsEncryptedCachedAndAudited() {
		this.runner.withUserConfiguration(RecordingAudit.class)
			.withPropertyValues("palisade.secrets.backend=local",
					"palisade.secrets.local.directory=" + this.dir.resolve("secrets"),
					"palisade.crypto.aead.file=" + this.dir.resolve("keys/aead.keyring"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SecretStore store = context.getBean(SecretStore.class);
				assertThat(store).isInstanceOf(AuditingSecretStore.class);
				SecretPath path = SecretPath.of("orgs/acme/projects/p1/openai");
				store.put(path, Map.of("api_key", "sk-1"), Map.of(), SecretStore.NEW);
				assertThat(store.get(path).orElseThrow().field("api_key")).isEqualTo("sk-1");
				assertThat(store.get(path).orElseThrow().field("api_key")).isEqualTo("sk-1");
				assertThat(context.getBean(RecordingAudit.class).events).extracting(AuditEvent::action)
					.containsExactly(AuditActions.SECRET_WRITE, AuditActions.SECRET_READ, AuditActions.SECRET_READ);
				assertThat(this.dir.resolve("keys/aead.keyring")).exists();
				assertThat(context).hasSingleBean(FieldEncryptor.class);
			});
	}

	@Test
	void keysFromConfigurationAreUsedAndBadOnesNameTheProperty() {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		this.runner
			.withPropertyValues("palisade.crypto.aead.enabled=true", "palisade.crypto.aead.primary=k1",
					"palisade.crypto.aead.keys[0].id=k1", "palisade.crypto.aead.keys[0].key=" + key)
			.run((context) -> assertThat(context.getBean(KeyringAead.class).keyring().primaryId()).isEqualTo("k1"));
		this.runner
			.withPropertyValues("palisade.crypto.aead.enabled=true", "palisade.crypto.aead.primary=k1",
					"palisade.crypto.aead.keys[0].id=k1", "palisade.crypto.aead.keys[0].key=c2hvcnQ=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.crypto.aead.keys[0].key must be 32 bytes")
				.hasMessageNotContaining("c2hvcnQ"));
	}

	@Test
	void vaultWithoutATokenFailsNamingTheProperty() {
		this.runner.withPropertyValues("palisade.secrets.backend=vault", "palisade.secrets.vault.uri=http://127.0.0.1:8200")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.secrets.vault.token is required"));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingAudit {

		final List<AuditEvent> events = new ArrayList<>();

		@Bean
		AuditRecorder recorder() {
			return this.events::add;
		}

	}

}
