package dev.palisade.security.secrets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Child JVM of {@link LocalSecretStoreTest}: writes version after version of two secrets and prints
 * {@code ACK path version} after each write returns, until it is killed.
 */
public final class LocalSecretStoreCrashChild {

	private LocalSecretStoreCrashChild() {
	}

	public static void main(String[] args) {
		LocalSecretStore store = new LocalSecretStore(Path.of(args[0]), SecretTestSupport.aead());
		SecretPath[] paths = { SecretPath.of("orgs/acme/projects/p1/openai"), SecretPath.of("orgs/acme/projects/p1/aws") };
		for (long i = 1;; i++) {
			for (SecretPath path : paths) {
				String value = "value-" + i + "-" + "x".repeat(4096);
				SecretVersion version = store.put(path, Map.of("api_key", value), Map.of("n", Long.toString(i)),
						SecretStore.ANY_VERSION);
				System.out.println("ACK " + path + " " + version.version());
				System.out.flush();
			}
		}
	}

}
