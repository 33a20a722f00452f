package dev.palisade.security.token;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * Generates a signing key on first start, stores it as JWK JSON in {@code directory} (owner-only file
 * permissions where POSIX), and reloads the same key on later starts.
 */
public final class GeneratedKeySource implements TokenKeySource {

	private final Path directory;

	private final JWSAlgorithm algorithm;

	public GeneratedKeySource(Path directory, JWSAlgorithm algorithm) {
		this.directory = Objects.requireNonNull(directory, "directory");
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
	}

	@Override
	public List<TokenKey> load() {
		throw new UnsupportedOperationException("not yet implemented");
	}

}
