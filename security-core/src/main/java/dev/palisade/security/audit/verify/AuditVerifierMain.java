package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

import dev.palisade.security.audit.AuditKeys;

/**
 * Command line verifier for a JSON-lines audit log directory:
 * <pre>
 * java -jar palisade-security-core.jar LOG_DIR [--hmac-key-file FILE] [--public-key-file FILE]
 * ./mvnw -pl security-core exec:java -Dexec.mainClass=dev.palisade.security.audit.verify.AuditVerifierMain -Dexec.args="LOG_DIR ..."
 * </pre>
 * Prints {@code OK: verified N records, M checkpoints} or
 * {@code verified N records; first broken sequence S: REASON}. Exit code 0 when intact (or only
 * a torn last write), 1 when tampering is found, 2 for bad arguments or unreadable files.
 */
public final class AuditVerifierMain {

	/** Exit code: intact, or only a torn last write. */
	public static final int EXIT_OK = 0;

	/** Exit code: tampering found. */
	public static final int EXIT_TAMPERED = 1;

	/** Exit code: bad arguments or unreadable input. */
	public static final int EXIT_USAGE = 2;

	private static final String USAGE = "usage: AuditVerifierMain LOG_DIR [--hmac-key-file FILE] [--public-key-file FILE]";

	private AuditVerifierMain() {
	}

	/** Runs the verifier and exits with its code. */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the verifier, printing to {@code out}/{@code err}, and returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path directory = null;
		Path hmacKeyFile = null;
		Path publicKeyFile = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--hmac-key-file") && i + 1 < args.length) {
				hmacKeyFile = Path.of(args[++i]);
			}
			else if (arg.equals("--public-key-file") && i + 1 < args.length) {
				publicKeyFile = Path.of(args[++i]);
			}
			else if (!arg.startsWith("--") && directory == null) {
				directory = Path.of(arg);
			}
			else {
				err.println(USAGE);
				return EXIT_USAGE;
			}
		}
		if (directory == null || !Files.isDirectory(directory)) {
			err.println((directory == null) ? USAGE : "not a directory: " + directory);
			return EXIT_USAGE;
		}
		try {
			byte[] hmacKey = (hmacKeyFile != null) ? AuditKeys.readHmacKey(hmacKeyFile) : null;
			PublicKey publicKey = (publicKeyFile != null) ? AuditKeys.readPublicKey(publicKeyFile) : null;
			if (hmacKey == null) {
				err.println("warning: no --hmac-key-file, record MACs are not checked");
			}
			if (publicKey == null) {
				err.println("warning: no --public-key-file, checkpoint signatures are not checked");
			}
			VerificationResult result = new AuditVerifier(hmacKey, publicKey).verifyDirectory(directory);
			out.println(result.summary());
			return result.tampered() ? EXIT_TAMPERED : EXIT_OK;
		}
		catch (IOException | IllegalArgumentException ex) {
			err.println("cannot verify: " + ex.getMessage());
			return EXIT_USAGE;
		}
	}
}
