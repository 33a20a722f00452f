package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditRecordFormat;

/**
 * Command line verifier for a JSON-lines audit log directory:
 * <pre>
 * java -jar palisade-security-core.jar LOG_DIR [--hmac-key-file [ID=]FILE]... [--public-key-file [ID=]FILE]...
 *     [--expect-checkpoint FILE] [--min-sequence N]
 * ./mvnw -pl security-core exec:java -Dexec.mainClass=dev.palisade.security.audit.verify.AuditVerifierMain -Dexec.args="LOG_DIR ..."
 * </pre>
 * Prints {@code OK: verified N records, M checkpoints} or
 * {@code verified N records; first broken sequence S: REASON}. Each option may repeat, once per key
 * a log spans after key rotations; {@code ID=} names the key id its lines carry (without it,
 * {@code default}). {@code --expect-checkpoint} holds the log to the last checkpoint line of a
 * file kept elsewhere (a copy of {@code audit-checkpoints.jsonl}), {@code --min-sequence} to a
 * sequence number it must reach, so a log cut short together with its own checkpoint file is
 * reported. Exit code 0 when intact (or only a torn last write), 1 when tampering is found, 2 for
 * bad arguments or unreadable files, 3 when the directory holds no records at all.
 */
public final class AuditVerifierMain {

	/** Exit code: intact, or only a torn last write. */
	public static final int EXIT_OK = 0;

	/** Exit code: tampering found. */
	public static final int EXIT_TAMPERED = 1;

	/** Exit code: bad arguments or unreadable input. */
	public static final int EXIT_USAGE = 2;

	/** Exit code: no records to verify, which is not evidence of an intact log. */
	public static final int EXIT_NO_RECORDS = 3;

	private static final String USAGE = "usage: AuditVerifierMain LOG_DIR [--hmac-key-file [ID=]FILE]... [--public-key-file [ID=]FILE]... [--expect-checkpoint FILE] [--min-sequence N]";

	private AuditVerifierMain() {
	}

	/** Runs the verifier and exits with its code. */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the verifier, printing to {@code out}/{@code err}, and returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path directory = null;
		Map<String, Path> hmacKeyFiles = new LinkedHashMap<>();
		Map<String, Path> publicKeyFiles = new LinkedHashMap<>();
		Path expectedCheckpointFile = null;
		long minimumSequence = 0;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--hmac-key-file") && i + 1 < args.length) {
				putKeyFile(hmacKeyFiles, args[++i]);
			}
			else if (arg.equals("--public-key-file") && i + 1 < args.length) {
				putKeyFile(publicKeyFiles, args[++i]);
			}
			else if (arg.equals("--expect-checkpoint") && i + 1 < args.length && expectedCheckpointFile == null) {
				expectedCheckpointFile = Path.of(args[++i]);
			}
			else if (arg.equals("--min-sequence") && i + 1 < args.length && minimumSequence == 0
					&& args[i + 1].matches("[1-9][0-9]{0,17}")) {
				minimumSequence = Long.parseLong(args[++i]);
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
			Map<String, SecretKey> hmacKeys = new HashMap<>();
			for (Map.Entry<String, Path> file : hmacKeyFiles.entrySet()) {
				hmacKeys.put(file.getKey(), AuditKeys.hmacKey(AuditKeys.readHmacKey(file.getValue())));
			}
			Map<String, PublicKey> publicKeys = new HashMap<>();
			for (Map.Entry<String, Path> file : publicKeyFiles.entrySet()) {
				publicKeys.put(file.getKey(), AuditKeys.readPublicKey(file.getValue()));
			}
			if (hmacKeys.isEmpty()) {
				err.println("warning: no --hmac-key-file, record MACs are not checked");
			}
			if (publicKeys.isEmpty()) {
				err.println("warning: no --public-key-file, checkpoint signatures are not checked");
			}
			AuditVerifier verifier = new AuditVerifier(hmacKeys, publicKeys).expectingAtLeast(minimumSequence);
			if (expectedCheckpointFile != null) {
				verifier = verifier.expectingCheckpoint(lastLine(expectedCheckpointFile),
						"expected checkpoint " + expectedCheckpointFile.getFileName());
			}
			VerificationResult result = verifier.verifyDirectory(directory);
			out.println(result.summary());
			if (result.tampered()) {
				return EXIT_TAMPERED;
			}
			return result.empty() ? EXIT_NO_RECORDS : EXIT_OK;
		}
		catch (IOException | IllegalArgumentException ex) {
			err.println("cannot verify: " + ex.getMessage());
			return EXIT_USAGE;
		}
	}

	/** The last non-blank line of a file (a copy of a checkpoint file, or one line of it). */
	private static String lastLine(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return lines.get(i).strip();
			}
		}
		throw new IOException(file.getFileName() + " holds no checkpoint line");
	}

	/** {@code ID=FILE} when the part before {@code =} is a key id, else the whole argument is the file of key {@code default}. */
	private static void putKeyFile(Map<String, Path> files, String arg) {
		int equals = arg.indexOf('=');
		if (equals > 0 && AuditRecordFormat.isValidKeyId(arg.substring(0, equals))) {
			files.put(arg.substring(0, equals), Path.of(arg.substring(equals + 1)));
		}
		else {
			files.put(AuditRecordFormat.DEFAULT_KEY_ID, Path.of(arg));
		}
	}
}
