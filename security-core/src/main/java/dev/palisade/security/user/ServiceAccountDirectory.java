package dev.palisade.security.user;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where the token endpoint looks up the clients of the {@code client_credentials} grant. */
@FunctionalInterface
public interface ServiceAccountDirectory {

	/**
	 * The service account with this client id.
	 * @param clientId the id presented; never blank
	 * @return the account, or empty when there is none
	 */
	Optional<ServiceAccount> findByClientId(String clientId);

	/**
	 * A fixed directory over the given accounts.
	 * @throws IllegalArgumentException when two accounts share a client id
	 */
	static ServiceAccountDirectory of(Collection<ServiceAccount> accounts) {
		Map<String, ServiceAccount> byId = accounts.stream()
			.collect(Collectors.toUnmodifiableMap(ServiceAccount::clientId, Function.identity(), (a, b) -> {
				throw new IllegalArgumentException("client id '" + a.clientId() + "' is declared twice");
			}));
		return (clientId) -> Optional.ofNullable(byId.get(clientId));
	}
}
