package dev.palisade.security.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The zero-set-up PKI of a development machine: on first use, a CA, a server certificate for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, and two client certificates, written as PEM
 * into one directory readable by its owner only. Later uses find the files and leave them alone.
 * <ul>
 * <li>{@code agent-runner}: SAN URI {@value #AGENT_RUNNER_ID} (a SPIFFE id);</li>
 * <li>{@code ops-cli}: SAN email {@value #OPS_CLI_EMAIL}.</li>
 * </ul>
 * For development only: the CA key sits beside its certificate.
 */
public final class DevelopmentPki {

	/** The agent-runner client's SPIFFE id. */
	public static final String AGENT_RUNNER_ID = "spiffe://acme/agents/runner";

	/** The ops-cli client's email SAN. */
	public static final String OPS_CLI_EMAIL = "ops@acme.example";

	private final Path directory;

	private DevelopmentPki(Path directory) {
		this.directory = directory;
	}

	/** The PKI in {@code directory}, generated there first if {@code ca.crt} is not there yet. */
	public static DevelopmentPki ensure(Path directory, Clock clock) {
		DevelopmentPki pki = new DevelopmentPki(directory);
		if (!Files.exists(pki.caCertificate())) {
			pki.generate(clock.instant());
		}
		return pki;
	}

	public Path directory() {
		return this.directory;
	}

	public Path caCertificate() {
		return this.directory.resolve("ca.crt");
	}

	public Path serverCertificate() {
		return this.directory.resolve("server.crt");
	}

	public Path serverKey() {
		return this.directory.resolve("server.key");
	}

	/** A client's certificate ({@code agent-runner} or {@code ops-cli}). */
	public Path clientCertificate(String client) {
		return this.directory.resolve(client + ".crt");
	}

	/** A client's private key. */
	public Path clientKey(String client) {
		return this.directory.resolve(client + ".key");
	}

	private void generate(Instant now) {
		Instant notBefore = now.minus(Duration.ofMinutes(5));
		CertificateAuthority ca = CertificateAuthority.create("Palisade development CA", notBefore, Duration.ofDays(3650));
		try {
			IssuedCertificate server = ca.issueServer("localhost", List.of("localhost"),
					List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), notBefore,
					Duration.ofDays(397));
			IssuedCertificate runner = ca.issueClient("agent-runner",
					List.of(new GeneralName(GeneralName.uniformResourceIdentifier, AGENT_RUNNER_ID)), notBefore,
					Duration.ofDays(397));
			IssuedCertificate ops = ca.issueClient("ops-cli",
					List.of(new GeneralName(GeneralName.rfc822Name, OPS_CLI_EMAIL)), notBefore, Duration.ofDays(397));
			createOwnerOnlyDirectory();
			write("ca.key", ca.root().privateKey());
			write("server.crt", server.certificate());
			write("server.key", server.privateKey());
			write("agent-runner.crt", runner.certificate());
			write("agent-runner.key", runner.privateKey());
			write("ops-cli.crt", ops.certificate());
			write("ops-cli.key", ops.privateKey());
			// last: its presence means the rest is complete
			write("ca.crt", ca.root().certificate());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the development PKI to " + this.directory, ex);
		}
	}

	private void createOwnerOnlyDirectory() throws IOException {
		Files.createDirectories(this.directory);
		if (posix()) {
			Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwx------"));
		}
	}

	private void write(String name, Object certificateOrKey) throws IOException {
		Path file = this.directory.resolve(name);
		Path partial = this.directory.resolve(name + ".partial");
		Files.deleteIfExists(partial);
		if (posix()) {
			Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(partial, CertificateAuthority.pem(certificateOrKey), StandardCharsets.US_ASCII,
				StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}
}
