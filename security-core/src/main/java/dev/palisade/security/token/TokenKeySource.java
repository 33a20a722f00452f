package dev.palisade.security.token;

import java.util.List;

/**
 * Where token keys come from (a generated key file, PEM, JWK JSON, a secrets backend). Implementations
 * throw {@link InvalidKeyConfigurationException} when the keys cannot be loaded or do not fit.
 */
@FunctionalInterface
public interface TokenKeySource {

	/** Loads the keys; at least one key, signing keys first by convention. */
	List<TokenKey> load();

}
