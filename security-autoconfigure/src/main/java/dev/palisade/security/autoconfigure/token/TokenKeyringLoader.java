package dev.palisade.security.autoconfigure.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties.Signing;
import dev.palisade.security.token.GeneratedKeySource;
import dev.palisade.security.token.InvalidKeyConfigurationException;
import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;
import dev.palisade.security.token.JwkKeySource;
import dev.palisade.security.token.PemKeySource;
import dev.palisade.security.token.TokenKey;
import dev.palisade.security.token.TokenKeyring;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;

/**
 * Builds the token keyring from {@code palisade.tokens.signing}. Every problem is an
 * {@link InvalidKeyConfigurationException}, which {@link InvalidKeyConfigurationFailureAnalyzer}
 * turns into a start-up message naming the property to fix.
 */
final class TokenKeyringLoader {

	private static final Log logger = LogFactory.getLog(TokenKeyringLoader.class);

	private TokenKeyringLoader() {
	}

	static TokenKeyring load(Signing signing) {
		JWSAlgorithm algorithm = algorithm(signing.algorithm());
		TokenKey active = switch (signing.source()) {
			case GENERATED -> generated(signing, algorithm);
			case PEM -> single(PemKeySource.of(read(signing.privateKey(), "private-key"), signing.kid(), algorithm).load());
			case JWK -> selectSigner(JwkKeySource.of(read(signing.jwk(), "jwk"), algorithm).load(), signing.kid());
			case SECRET -> secret(signing, algorithm);
		};
		List<TokenKey> verifyOnly = new ArrayList<>();
		for (Resource resource : signing.verificationKeys()) {
			verifyOnly.addAll(keys(read(resource, "verification-keys"), algorithm));
		}
		TokenKeyring keyring = TokenKeyring.of(active, verifyOnly);
		for (Resource resource : signing.publishedKeys()) {
			for (TokenKey next : keys(read(resource, "published-keys"), algorithm)) {
				keyring = keyring.withPublished(next);
			}
		}
		return keyring;
	}

	private static List<TokenKey> keys(String text, JWSAlgorithm algorithm) {
		return text.contains("-----BEGIN") ? PemKeySource.of(text, null, algorithm).load()
				: JwkKeySource.of(text, algorithm).load();
	}

	private static JWSAlgorithm algorithm(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidKeyConfigurationException(Reason.UNSUPPORTED_ALGORITHM, "no signing algorithm is set");
		}
		// unsupported names are refused by TokenKey, which knows the supported set
		return JWSAlgorithm.parse(name.trim());
	}

	private static TokenKey generated(Signing signing, JWSAlgorithm algorithm) {
		if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new InvalidKeyConfigurationException(Reason.UNSUPPORTED_ALGORITHM,
					"a generated key needs an asymmetric algorithm; HMAC keys come from a configured secret");
		}
		if (signing.directory() == null) {
			logger.warn("Palisade generated an in-memory token signing key: tokens will not survive a restart."
					+ " Set palisade.tokens.signing.directory to keep the key.");
			String kid = (signing.kid() != null) ? signing.kid() : UUID.randomUUID().toString();
			return TokenKey.generate(algorithm, kid);
		}
		return single(new GeneratedKeySource(signing.directory(), algorithm).load());
	}

	private static TokenKey secret(Signing signing, JWSAlgorithm algorithm) {
		if (signing.secret() == null || signing.secret().isEmpty()) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY, "no HMAC secret is set");
		}
		String kid = (signing.kid() != null) ? signing.kid() : "hmac-1";
		return TokenKey.hmac(signing.secret().getBytes(StandardCharsets.UTF_8), algorithm, kid);
	}

	private static TokenKey single(List<TokenKey> keys) {
		if (keys.isEmpty()) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY, "the key source holds no key");
		}
		return keys.get(0);
	}

	private static TokenKey selectSigner(List<TokenKey> keys, String kid) {
		for (TokenKey key : keys) {
			if ((kid == null || kid.equals(key.kid())) && key.canSign()) {
				return key;
			}
		}
		throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
				(kid != null) ? "the JWK document holds no private key with kid '" + kid + "'"
						: "the JWK document holds no private key");
	}

	private static String read(Resource resource, String property) {
		if (resource == null) {
			throw new InvalidKeyConfigurationException(Reason.NO_SIGNING_KEY,
					"palisade.tokens.signing." + property + " is not set");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"palisade.tokens.signing." + property + " (" + resource.getDescription() + ") cannot be read", ex);
		}
	}
}
