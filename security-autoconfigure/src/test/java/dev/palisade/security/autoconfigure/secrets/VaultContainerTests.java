package dev.palisade.security.autoconfigure.secrets;

import java.util.Map;

import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import dev.palisade.security.secrets.SecretVersionConflictException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.vault.VaultContainer;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Vault backend against a real Vault (dev mode) in a Testcontainers container: KV v2 with
 * check-and-set, and the Transit envelope. Skipped, with this reason, on a machine without a Docker
 * engine (issue #12: this project's CI machine has none), where {@link VaultKvSecretStoreRecordedTests}
 * covers the client code against recorded exchanges instead.
 */
class VaultContainerTests {

	private static final String TOKEN = "palisade-test-root";

	@BeforeAll
	static void docker() {
		boolean docker;
		try {
			docker = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			docker = false;
		}
		assumeTrue(docker, "Issue #12: no Docker engine here, so the real-Vault tests are skipped; "
				+ "VaultKvSecretStoreRecordedTests ran the client code against recorded Vault HTTP exchanges");
	}

	@Test
	void kvVersion2AndTransitAgainstARealVault() throws Exception {
		try (VaultContainer<?> vault = new VaultContainer<>("hashicorp/vault:1.18").withVaultToken(TOKEN)) {
			vault.start();
			vault.execInContainer("vault", "secrets", "enable", "transit");
			vault.execInContainer("vault", "write", "-f", "transit/keys/palisade");
			String uri = vault.getHttpHostAddress();
			for (boolean transit : new boolean[] { false, true }) {
				SecretStore store = VaultSecretStores.create(new Binder(new MapConfigurationPropertySource(
						Map.of("palisade.secrets.backend", "vault", "palisade.secrets.vault.uri", uri,
								"palisade.secrets.vault.token", TOKEN, "palisade.secrets.vault.transit.enabled",
								Boolean.toString(transit))))
					.bind("palisade.secrets", PalisadeSecretsProperties.class)
					.get()
					.vault());
				SecretPath path = SecretPath.of("orgs/acme/projects/p1/openai-" + transit);
				store.put(path, Map.of("api_key", "sk-real"), Map.of("provider", "openai"), SecretStore.NEW);
				assertThatThrownBy(() -> store.put(path, Map.of("api_key", "x"), Map.of(), SecretStore.NEW))
					.isInstanceOf(SecretVersionConflictException.class);
				assertThat(store.get(path).orElseThrow().field("api_key")).isEqualTo("sk-real");
				assertThat(store.metadata(path).orElseThrow().customMetadata()).containsEntry("provider", "openai");
				assertThat(store.delete(path)).isTrue();
				assertThat(store.get(path)).isEmpty();
			}
		}
	}

}
