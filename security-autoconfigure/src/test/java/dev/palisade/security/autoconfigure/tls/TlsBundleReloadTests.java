package dev.palisade.security.autoconfigure.tls;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import dev.palisade.security.x509.CertificateAuthority;
import dev.palisade.security.x509.IssuedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code palisade.tls.enabled} a PEM bundle reloads when its files change (Boot's
 * {@code reload-on-update}, which Palisade turns on): the running server hands out the renewed
 * certificate without a restart.
 */
class TlsBundleReloadTests {

	@TempDir
	Path dir;

	@Test
	void aRenewedCertificateIsServedWithoutARestart() throws Exception {
		CertificateAuthority ca = CertificateAuthority.create("ca", Instant.now().minus(Duration.ofMinutes(5)),
				Duration.ofDays(1));
		IssuedCertificate first = server(ca);
		Path certificate = Files.writeString(this.dir.resolve("server.crt"), CertificateAuthority.pem(first.certificate()));
		Path key = Files.writeString(this.dir.resolve("server.key"), CertificateAuthority.pem(first.privateKey()));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "palisade.tls.enabled=true", "palisade.tokens.issuer=https://x.test",
					"palisade.tokens.signing.directory=" + this.dir.resolve("keys"),
					"spring.ssl.bundle.watch.file.quiet-period=200ms",
					"spring.ssl.bundle.pem.palisade.keystore.certificate=file:" + certificate,
					"spring.ssl.bundle.pem.palisade.keystore.private-key=file:" + key)
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(servedSerial(ca, port)).isEqualTo(first.certificate().getSerialNumber());
			IssuedCertificate renewed = server(ca);
			Files.writeString(key, CertificateAuthority.pem(renewed.privateKey()));
			Files.writeString(certificate, CertificateAuthority.pem(renewed.certificate()));
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> renewed.certificate().getSerialNumber().equals(servedSerial(ca, port)));
		}
	}

	private static IssuedCertificate server(CertificateAuthority ca) {
		return ca.issueServer("localhost", List.of("localhost"), List.of(), Instant.now().minus(Duration.ofMinutes(5)),
				Duration.ofDays(1));
	}

	private static BigInteger servedSerial(CertificateAuthority ca, int port) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", ca.root().certificate());
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trustManagers.getTrustManagers(), null);
		try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
			socket.startHandshake();
			return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
		}
		catch (java.io.IOException ex) {
			// mid-reload: try again
			return BigInteger.ZERO;
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {
	}
}
