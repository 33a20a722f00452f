package dev.palisade.security.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

import dev.palisade.security.token.InvalidKeyConfigurationException.Reason;

/**
 * Keys from JWK or JWK Set JSON (private or public keys). Each key's algorithm is its {@code alg}
 * member, or the given default when it has none. Parse errors never echo the JSON.
 */
public final class JwkKeySource implements TokenKeySource {

	private final String json;

	private final JWSAlgorithm defaultAlgorithm;

	private JwkKeySource(String json, JWSAlgorithm defaultAlgorithm) {
		this.json = Objects.requireNonNull(json, "json");
		this.defaultAlgorithm = defaultAlgorithm;
	}

	/** A source over JWK or JWK Set JSON; {@code defaultAlgorithm} may be {@code null}. */
	public static JwkKeySource of(String json, JWSAlgorithm defaultAlgorithm) {
		return new JwkKeySource(json, defaultAlgorithm);
	}

	/** A source over a JWK or JWK Set file, read now. */
	public static JwkKeySource fromFile(Path file, JWSAlgorithm defaultAlgorithm) {
		try {
			return new JwkKeySource(Files.readString(file, StandardCharsets.UTF_8), defaultAlgorithm);
		}
		catch (IOException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"Cannot read the JWK file " + file + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	@Override
	public List<TokenKey> load() {
		List<JWK> jwks;
		try {
			Map<String, Object> object = JSONObjectUtils.parse(this.json);
			jwks = object.containsKey("keys") ? JWKSet.parse(object).getKeys() : List.of(JWK.parse(object));
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY,
					"Unreadable token key: the JWK JSON could not be parsed");
		}
		if (jwks.isEmpty()) {
			throw new InvalidKeyConfigurationException(Reason.UNREADABLE_KEY, "The JWK Set contains no keys");
		}
		List<TokenKey> keys = new ArrayList<>();
		for (JWK jwk : jwks) {
			JWSAlgorithm alg = (jwk.getAlgorithm() != null) ? JWSAlgorithm.parse(jwk.getAlgorithm().getName())
					: this.defaultAlgorithm;
			if (alg == null) {
				throw new InvalidKeyConfigurationException(Reason.UNSUPPORTED_ALGORITHM,
						"JWK '" + jwk.getKeyID() + "' has no alg member and no default algorithm is configured");
			}
			keys.add(TokenKey.of(jwk, alg));
		}
		return List.copyOf(keys);
	}

	@Override
	public String toString() {
		return "JwkKeySource[defaultAlg=" + this.defaultAlgorithm + "]";
	}

}
