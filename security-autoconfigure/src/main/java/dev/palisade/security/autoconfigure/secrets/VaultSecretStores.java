package dev.palisade.security.autoconfigure.secrets;

import java.net.http.HttpClient;
import java.util.Locale;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;

/** Builds the Vault-backed store from {@link PalisadeSecretsProperties.Vault}; errors name the property. */
final class VaultSecretStores {

	private VaultSecretStores() {
	}

	static VaultKvSecretStore create(PalisadeSecretsProperties.Vault vault) {
		VaultTemplate template = template(vault);
		TransitDataKeys dataKeys = vault.transit().enabled()
				? new TransitDataKeys(template, vault.transit().mount(), vault.transit().keyName()) : null;
		return new VaultKvSecretStore(template, vault.kvMount(), vault.pathPrefix(), dataKeys);
	}

	static VaultTemplate template(PalisadeSecretsProperties.Vault vault) {
		if (vault.uri() == null) {
			throw new IllegalStateException("palisade.secrets.vault.uri is required with palisade.secrets.backend=vault");
		}
		VaultEndpoint endpoint = VaultEndpoint.from(vault.uri());
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(vault.connectTimeout()).build());
		requests.setReadTimeout(vault.readTimeout());
		ClientAuthentication authentication = switch (vault.authentication().toLowerCase(Locale.ROOT)) {
			case "token" -> {
				if (vault.token() == null || vault.token().isBlank()) {
					throw new IllegalStateException(
							"palisade.secrets.vault.token is required with palisade.secrets.vault.authentication=token");
				}
				yield new TokenAuthentication(vault.token());
			}
			case "approle" -> {
				PalisadeSecretsProperties.AppRole appRole = vault.appRole();
				if (appRole.roleId() == null || appRole.secretId() == null) {
					throw new IllegalStateException("palisade.secrets.vault.app-role.role-id and .secret-id are required "
							+ "with palisade.secrets.vault.authentication=approle");
				}
				AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder()
					.path(appRole.path())
					.roleId(AppRoleAuthenticationOptions.RoleId.provided(appRole.roleId()))
					.secretId(AppRoleAuthenticationOptions.SecretId.provided(appRole.secretId()))
					.build();
				yield new AppRoleAuthentication(options, VaultClients.createRestTemplate(endpoint, requests));
			}
			default -> throw new IllegalStateException(
					"palisade.secrets.vault.authentication must be token or approle, not '" + vault.authentication() + "'");
		};
		return new VaultTemplate(endpoint, requests, new SimpleSessionManager(authentication));
	}

}
