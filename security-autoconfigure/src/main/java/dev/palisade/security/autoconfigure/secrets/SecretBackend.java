package dev.palisade.security.autoconfigure.secrets;

import java.util.Objects;

import dev.palisade.security.secrets.SecretStore;

/**
 * The raw backend behind the cached, audited {@link SecretStore} bean. Declare one to bring your own
 * backend and keep Palisade's cache and audit around it.
 *
 * @param store the backend
 */
public record SecretBackend(SecretStore store) {

	public SecretBackend {
		Objects.requireNonNull(store, "store");
	}

}
