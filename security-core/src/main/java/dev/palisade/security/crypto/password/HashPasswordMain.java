package dev.palisade.security.crypto.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints the hash of one password or client secret read from standard input (the first line), in
 * the {@code {id}} form the user directories and {@code palisade.token-endpoint.clients[].secret-hash}
 * take, with the recommended default (Argon2id, OWASP parameters). Reading stdin keeps the secret
 * out of the shell history and the process list:
 * <pre>
 * ./mvnw -q -pl security-core exec:java -Dexec.mainClass=dev.palisade.security.crypto.password.HashPasswordMain &lt; secret.txt
 * </pre>
 * Exit code 0 with the hash, 2 for no input or a password the policy refuses (too long).
 */
public final class HashPasswordMain {

	/** The hash was printed. */
	public static final int EXIT_OK = 0;

	/** No input, or a password the policy refuses. */
	public static final int EXIT_USAGE = 2;

	private HashPasswordMain() {
	}

	public static void main(String[] args) throws IOException {
		System.exit(run(System.in, System.out, System.err));
	}

	/** Hashes the first line of {@code in} onto {@code out}; never echoes the input. */
	public static int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
		String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		if (line == null || line.isEmpty()) {
			err.println("usage: give the password as the first line of standard input");
			return EXIT_USAGE;
		}
		DelegatingPasswordHasher hasher = DelegatingPasswordHasher.createDefault();
		if (!hasher.policy().accepts(line)) {
			err.println("the password is longer than the policy allows");
			return EXIT_USAGE;
		}
		out.println(hasher.hash(line));
		return EXIT_OK;
	}
}
