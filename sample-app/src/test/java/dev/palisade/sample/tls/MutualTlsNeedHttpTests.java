package dev.palisade.sample.tls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

import dev.palisade.security.x509.DevelopmentPki;
import dev.palisade.security.x509.IssuedCertificate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** With {@code palisade.tls.client-auth: need} the handshake itself refuses a client without a certificate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
				"palisade.tls.dev-pki.directory=target/test-pki", "palisade.tls.client-auth=need" })
@ActiveProfiles("tls")
class MutualTlsNeedHttpTests {

	@LocalServerPort
	int port;

	@Test
	void noCertificateNoHandshakeAndAMappedOneGetsIn() throws Exception {
		DevelopmentPki pki = DevelopmentPki.ensure(Path.of("target/test-pki"), Clock.systemUTC());
		var ca = TlsClients.certificate(pki.caCertificate());
		HttpRequest ping = HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/v1/ping")).build();
		assertThatExceptionOfType(java.io.IOException.class)
			.isThrownBy(() -> TlsClients.http(ca, null).send(ping, HttpResponse.BodyHandlers.ofString()))
			.withMessageContaining("bad_certificate");
		IssuedCertificate runner = new IssuedCertificate(TlsClients.certificate(pki.clientCertificate("agent-runner")),
				TlsClients.privateKey(pki.clientKey("agent-runner")));
		assertThat(TlsClients.http(ca, runner).send(ping, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}
}
