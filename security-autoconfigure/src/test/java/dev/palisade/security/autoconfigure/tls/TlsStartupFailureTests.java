package dev.palisade.security.autoconfigure.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.x509.CertificateAuthority;
import dev.palisade.security.x509.IssuedCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A TLS misconfiguration stops start-up with a failure analysis that names the property to fix, as
 * Boot prints it: a malformed server PEM, a private key that is not the certificate's, a missing or
 * malformed client CA file. Never the key material.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsStartupFailureTests {

	@TempDir
	Path dir;

	private Path certificate;

	private Path key;

	private Path otherKey;

	private final List<String> base = new ArrayList<>();

	@BeforeEach
	void files() throws Exception {
		CertificateAuthority ca = CertificateAuthority.create("ca", Instant.now(), Duration.ofDays(1));
		IssuedCertificate server = ca.issueServer("localhost", List.of("localhost"), List.of(), Instant.now(),
				Duration.ofDays(1));
		IssuedCertificate other = ca.issueServer("other", List.of("localhost"), List.of(), Instant.now(), Duration.ofDays(1));
		this.certificate = Files.writeString(this.dir.resolve("server.crt"), CertificateAuthority.pem(server.certificate()));
		this.key = Files.writeString(this.dir.resolve("server.key"), CertificateAuthority.pem(server.privateKey()));
		this.otherKey = Files.writeString(this.dir.resolve("other.key"), CertificateAuthority.pem(other.privateKey()));
		this.base.addAll(List.of("server.port=0", "palisade.tls.enabled=true", "palisade.tokens.issuer=https://x.test",
				"palisade.tokens.signing.directory=" + this.dir.resolve("keys")));
	}

	@Test
	void aMalformedServerCertificateNamesTheBundleProperty(CapturedOutput output) throws Exception {
		Path bad = Files.writeString(this.dir.resolve("bad.crt"),
				"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
		fails(bundle(bad, this.key));
		assertThat(output).contains("spring.ssl.bundle.pem.palisade.keystore.certificate=file:" + bad);
	}

	@Test
	void aKeyThatIsNotTheCertificatesFailsStartUpInsteadOfEveryHandshake(CapturedOutput output) {
		fails(bundle(this.certificate, this.otherKey));
		assertThat(output).contains("SSL bundle 'palisade'", "spring.ssl.bundle.pem.palisade.keystore.private-key")
			.doesNotContain(readQuietly(this.otherKey).lines().skip(1).findFirst().orElseThrow());
	}

	@Test
	void aMissingOrMalformedClientCaNamesPalisadesProperty(CapturedOutput output) throws Exception {
		List<String> properties = bundle(this.certificate, this.key);
		properties.add("palisade.tls.clients.mappings[0].name=runner");
		properties.add("palisade.tls.clients.mappings[0].value=spiffe://acme/agents/runner");
		List<String> missing = new ArrayList<>(properties);
		missing.add("palisade.tls.clients.trusted-ca=" + this.dir.resolve("no-such-ca.crt"));
		fails(missing);
		assertThat(output).contains("palisade.tls.clients.trusted-ca: cannot be read");
		List<String> malformed = new ArrayList<>(properties);
		malformed.add("palisade.tls.clients.trusted-ca=" + this.key);
		fails(malformed);
		assertThat(output).contains("palisade.tls.clients.trusted-ca: is not a PEM certificate file");
	}

	@Test
	void aGoodBundleStarts() {
		new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties(bundle(this.certificate, this.key).toArray(String[]::new))
			.run()
			.close();
	}

	private List<String> bundle(Path certificate, Path key) {
		List<String> properties = new ArrayList<>(this.base);
		properties.add("spring.ssl.bundle.pem.palisade.keystore.certificate=file:" + certificate);
		properties.add("spring.ssl.bundle.pem.palisade.keystore.private-key=file:" + key);
		return properties;
	}

	private static void fails(List<String> properties) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new))
			.run()
			.close());
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {
	}
}
