package dev.palisade.security.autoconfigure.apikey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.apikey.ApiKeyHasher;
import dev.palisade.security.apikey.Pepper;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyProperties.PreviousPepper;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyProperties.StoreType;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds the {@link ApiKeyHasher} from {@code palisade.api-keys.pepper} and
 * {@code previous-peppers}. A configured pepper is used as its UTF-8 bytes, the same key
 * {@code openssl dgst -hmac "$PEPPER"} uses, so operators can hash declared keys offline.
 */
final class ApiKeyPeppers {

	static final String PEPPER_PROPERTY = "palisade.api-keys.pepper";

	static final String EPHEMERAL_ID = "ephemeral";

	private static final Log logger = LogFactory.getLog(ApiKeyPeppers.class);

	private ApiKeyPeppers() {
	}

	static ApiKeyHasher hasher(PalisadeApiKeyProperties properties) {
		if (!properties.hasPepper()) {
			if (properties.store() != StoreType.MEMORY) {
				throw new InvalidApiKeyConfigurationException(PEPPER_PROPERTY,
						"the " + properties.store().name().toLowerCase() + " store needs a pepper and none is set",
						"Set " + PEPPER_PROPERTY + " to a random secret of at least " + Pepper.MIN_LENGTH
								+ " bytes, read from your secret store or an environment variable"
								+ " (PALISADE_API_KEYS_PEPPER), for example the output of: openssl rand -base64 48");
			}
			// memory keys die with the process, so a pepper that dies with it loses nothing
			logger.info("No " + PEPPER_PROPERTY + " set: the in-memory API key store uses a random pepper");
			byte[] secret = new byte[Pepper.MIN_LENGTH];
			new SecureRandom().nextBytes(secret);
			return new ApiKeyHasher(new Pepper(EPHEMERAL_ID, secret));
		}
		Pepper current = pepper(properties.pepperId(), properties.pepper(), PEPPER_PROPERTY,
				"palisade.api-keys.pepper-id");
		List<Pepper> previous = new ArrayList<>();
		for (int i = 0; i < properties.previousPeppers().size(); i++) {
			PreviousPepper old = properties.previousPeppers().get(i);
			String base = "palisade.api-keys.previous-peppers[" + i + "]";
			previous.add(pepper(old.id(), old.secret(), base + ".secret", base + ".id"));
		}
		try {
			return new ApiKeyHasher(current, previous);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.previous-peppers",
					"two peppers have the same id",
					"Give palisade.api-keys.pepper-id and every palisade.api-keys.previous-peppers[].id a distinct value.");
		}
	}

	private static Pepper pepper(String id, String secret, String secretProperty, String idProperty) {
		if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
			throw new InvalidApiKeyConfigurationException(idProperty, "a pepper id is missing or not valid",
					"Set " + idProperty + " to 1 to 64 characters of [A-Za-z0-9._-], such as p2.");
		}
		byte[] bytes = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (bytes.length < Pepper.MIN_LENGTH) {
			throw new InvalidApiKeyConfigurationException(secretProperty,
					"a pepper is shorter than " + Pepper.MIN_LENGTH + " bytes",
					"Set " + secretProperty + " to a random secret of at least " + Pepper.MIN_LENGTH
							+ " bytes, for example the output of: openssl rand -base64 48");
		}
		return new Pepper(id, bytes);
	}
}
