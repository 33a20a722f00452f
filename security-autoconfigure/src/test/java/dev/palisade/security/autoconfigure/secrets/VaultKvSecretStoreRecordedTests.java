package dev.palisade.security.autoconfigure.secrets;

import java.util.Map;

import dev.palisade.security.secrets.Secret;
import dev.palisade.security.secrets.SecretMetadata;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import dev.palisade.security.secrets.SecretStoreUnavailableException;
import dev.palisade.security.secrets.SecretVersionConflictException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Vault backend's client code (Spring Vault's {@code VaultTemplate} on the JDK HTTP client, as
 * configured by {@link VaultSecretStores}) against HTTP exchanges recorded from Vault's documented API,
 * replayed over real loopback HTTP by {@link RecordedVault}. Vault itself is exercised by
 * {@link VaultContainerTests} when a Docker engine is present.
 */
class VaultKvSecretStoreRecordedTests {

	private static final SecretPath OPENAI = SecretPath.of("orgs/acme/projects/p1/openai");

	private static final String KEY = "sk-abcdefghijklmnopqrstuvwxyz0123456789";

	@Test
	void kvVersion2WithATokenReadsWritesChecksAndSetsListsDeletesAndMapsErrors() throws Exception {
		try (RecordedVault vault = new RecordedVault("kv-v2-token.json")) {
			SecretStore store = VaultSecretStores.create(properties(vault, "authentication=token",
					"token=hvs.CAESIJ-test-token", "path-prefix=palisade"));

			assertThat(store.put(OPENAI, Map.of("api_key", KEY), Map.of("provider", "openai"), SecretStore.NEW).version())
				.isEqualTo(1);
			Secret secret = store.get(OPENAI).orElseThrow();
			assertThat(secret.field("api_key")).isEqualTo(KEY);
			assertThat(secret.version()).isEqualTo(1);
			assertThatThrownBy(() -> store.put(OPENAI, Map.of("api_key", "other"), Map.of(), SecretStore.NEW))
				.isInstanceOf(SecretVersionConflictException.class);
			SecretMetadata metadata = store.metadata(OPENAI).orElseThrow();
			assertThat(metadata.currentVersion()).isEqualTo(1);
			assertThat(metadata.customMetadata()).containsEntry("provider", "openai");
			assertThat(store.list("orgs/acme/projects/p1")).containsExactly("openai", "sub/");
			assertThat(store.get(SecretPath.of("orgs/acme/projects/p1/missing"))).isEmpty();
			assertThat(store.get(OPENAI, 1).orElseThrow().field("api_key")).isEqualTo(KEY);
			assertThat(store.delete(OPENAI)).isTrue();
			assertThatThrownBy(() -> store.get(OPENAI)).isInstanceOf(SecretStoreUnavailableException.class)
				.hasMessageContaining("403");
			assertThatThrownBy(() -> store.get(OPENAI)).isInstanceOf(SecretStoreUnavailableException.class)
				.hasMessageContaining("500");

			assertThat(vault.mismatches()).isEmpty();
			assertThat(vault.replayedExactly()).isTrue();
		}
	}

	@Test
	void appRoleLogsInOnceAndUsesTheIssuedToken() throws Exception {
		try (RecordedVault vault = new RecordedVault("approle.json")) {
			SecretStore store = VaultSecretStores.create(properties(vault, "authentication=approle",
					"app-role.role-id=59d6d1ca-47bb-4e7e-a40b-8be3bc5a0ba8",
					"app-role.secret-id=84896a0c-1347-aa90-a4f6-aca8b7558780", "path-prefix=palisade"));
			assertThat(store.get(SecretPath.of("tokens")).orElseThrow().field("hmac-secret")).isEqualTo("from-vault");
			assertThat(vault.mismatches()).isEmpty();
			assertThat(vault.replayedExactly()).isTrue();
		}
	}

	@Test
	void transitEnvelopeSealsValuesBeforeTheyReachKvAndRewrapsTheDataKey() throws Exception {
		try (RecordedVault vault = new RecordedVault("transit-envelope.json")) {
			VaultKvSecretStore store = VaultSecretStores.create(properties(vault, "authentication=token",
					"token=hvs.CAESIJ-test-token", "transit.enabled=true", "transit.key-name=palisade"));

			store.put(OPENAI, Map.of("api_key", KEY), null, SecretStore.NEW);
			String stored = vault.captured("sealed").get("api_key").asString();
			assertThat(stored).doesNotContain(KEY).doesNotContain("abcdefghijklmnop");
			assertThat(store.get(OPENAI).orElseThrow().field("api_key")).isEqualTo(KEY);

			assertThat(store.rewrap(OPENAI)).isTrue();
			// rewrap changes only the wrapped key; the sealed value is copied as it was
			assertThat(vault.captured("rewrapped").get("api_key").asString()).isEqualTo(stored);
			assertThat(store.get(OPENAI).orElseThrow().field("api_key")).isEqualTo(KEY);

			assertThat(vault.mismatches()).isEmpty();
			assertThat(vault.replayedExactly()).isTrue();
		}
	}

	@Test
	void vaultThatCannotBeReachedIsUnavailableNotAServerError() {
		SecretStore store = VaultSecretStores.create(bind(Map.of("uri", "http://127.0.0.1:1", "token", "t",
				"connect-timeout", "500ms")));
		assertThatThrownBy(() -> store.get(OPENAI)).isInstanceOf(SecretStoreUnavailableException.class)
			.hasMessageContaining("cannot be reached");
	}

	@Test
	void aMissingTokenOrAppRoleNamesTheProperty() {
		assertThatThrownBy(() -> VaultSecretStores.create(bind(Map.of("uri", "http://127.0.0.1:8200"))))
			.hasMessageContaining("palisade.secrets.vault.token");
		assertThatThrownBy(() -> VaultSecretStores
			.create(bind(Map.of("uri", "http://127.0.0.1:8200", "authentication", "approle"))))
			.hasMessageContaining("palisade.secrets.vault.app-role.role-id");
		assertThatThrownBy(() -> VaultSecretStores.create(bind(Map.of("token", "t"))))
			.hasMessageContaining("palisade.secrets.vault.uri");
	}

	private static PalisadeSecretsProperties.Vault properties(RecordedVault vault, String... settings) {
		Map<String, String> map = new java.util.HashMap<>();
		map.put("uri", vault.uri().toString());
		for (String setting : settings) {
			String[] pair = setting.split("=", 2);
			map.put(pair[0], pair[1]);
		}
		return bind(map);
	}

	private static PalisadeSecretsProperties.Vault bind(Map<String, String> settings) {
		Map<String, String> prefixed = new java.util.HashMap<>();
		settings.forEach((key, value) -> prefixed.put("palisade.secrets.vault." + key, value));
		prefixed.put("palisade.secrets.backend", "vault");
		return new Binder(new MapConfigurationPropertySource(prefixed))
			.bind("palisade.secrets", PalisadeSecretsProperties.class)
			.get()
			.vault();
	}


}
