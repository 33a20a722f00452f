package dev.palisade.sample.tls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.x509.CertificateAuthority;
import dev.palisade.security.x509.DevelopmentPki;
import dev.palisade.security.x509.IssuedCertificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's {@code tls} profile over real TLS handshakes: HTTPS from the development PKI (TLS 1.3,
 * no CBC suites, HSTS), client certificates as {@code client_cert} principals by SAN, mTLS required on
 * {@code /internal/**}, a 401 for an unmapped SAN, handshake failures for an expired certificate and one from another CA,
 * and RFC 8705 certificate-bound tokens from the token endpoint, cached or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
				"palisade.tls.dev-pki.directory=target/test-pki" })
@ActiveProfiles("tls")
class MutualTlsHttpTests {

	private static final List<AuditEvent> EVENTS = new ArrayList<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static DevelopmentPki pki;

	private static CertificateAuthority ca;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void loadPki() throws Exception {
		pki = DevelopmentPki.ensure(Path.of("target/test-pki"), java.time.Clock.systemUTC());
		ca = CertificateAuthority.of(new IssuedCertificate(TlsClients.certificate(pki.caCertificate()),
				TlsClients.privateKey(pki.directory().resolve("ca.key"))));
	}

	@BeforeEach
	void clearEvents() {
		synchronized (EVENTS) {
			EVENTS.clear();
		}
	}

	@Test
	void httpsFromTheDevelopmentPkiSpeaksTls13RefusesCbcSuitesAndSendsHsts() throws Exception {
		HttpResponse<String> ping = send(http(null), get("/api/v1/ping"));
		assertThat(ping.statusCode()).isEqualTo(200);
		assertThat(ping.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
		try (SSLSocket socket = socket(null)) {
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
		}
		try (SSLSocket socket = socket(new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256" })) {
			socket.setEnabledProtocols(new String[] { "TLSv1.2" });
			assertThatExceptionOfType(SSLHandshakeException.class).as("no CBC suite on offer").isThrownBy(socket::startHandshake);
		}
	}

	@Test
	void plainHttpOrGarbageOnTheTlsPortIsNeverA5xx() throws Exception {
		assertThat(raw("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
			.as("plain HTTP to the TLS port").startsWith("HTTP/1.1 400");
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		assertThat(raw(garbage)).as("random bytes").doesNotContain("HTTP/1.1 5");
		byte[] truncatedHello = { 0x16, 0x03, 0x01, 0x40, 0x00, 0x01, 0x00, 0x3f, (byte) 0xfc };
		assertThat(raw(truncatedHello)).as("a ClientHello cut short").doesNotContain("HTTP/1.1 5");
		assertThat(send(http(null), get("/api/v1/ping")).statusCode()).as("and the server still serves").isEqualTo(200);
	}

	/** What the server answers {@code bytes} with before it closes the connection (at most 5 s). */
	private String raw(byte[] bytes) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(bytes);
			socket.getOutputStream().flush();
			socket.shutdownOutput();
			try {
				return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			}
			catch (java.net.SocketException reset) {
				return "";
			}
		}
	}

	@Test
	void aMappedCertificateIsAClientCertPrincipalNamedBySan() throws Exception {
		HttpResponse<String> me = send(http(runner()), get("/api/v1/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(me.body());
		assertThat(body.get("kind").asString()).isEqualTo("client_cert");
		assertThat(body.get("subject").asString()).isEqualTo(DevelopmentPki.AGENT_RUNNER_ID);
		assertThat(body.get("org").asString()).isEqualTo("acme");
		assertThat(JSON.readTree(send(http(ops()), get("/api/v1/me")).body()).get("subject").asString())
			.isEqualTo(DevelopmentPki.OPS_CLI_EMAIL);
	}

	@Test
	void internalPathsTakeAClientCertificateAndNothingElse() throws Exception {
		assertThat(send(http(runner()), get("/internal/v1/caller")).statusCode()).isEqualTo(200);
		assertThat(problem(send(http(null), get("/internal/v1/caller")))).as("no certificate").isEqualTo(401);
		String token = token(http(null));
		assertThat(problem(send(http(null), get("/internal/v1/caller").header("Authorization", "Bearer " + token))))
			.as("a token alone").isEqualTo(401);
		assertThat(problem(send(http(runner()), get("/internal/v1/caller").header("Authorization", "Bearer " + token))))
			.as("a token beside the certificate").isEqualTo(401);
	}

	@Test
	void aCertificateWhoseSanNoMappingNamesIs401AndAudited() throws Exception {
		IssuedCertificate stranger = ca.issueClient("stranger",
				List.of(new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://acme/agents/stranger")),
				Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(1));
		assertThat(problem(send(http(stranger), get("/api/v1/me")))).isEqualTo(401);
		synchronized (EVENTS) {
			assertThat(EVENTS).filteredOn((event) -> AuditActions.CLIENT_CERT_AUTHENTICATE.equals(event.action()))
				.singleElement()
				.satisfies((event) -> assertThat(event.reasonCode()).isEqualTo("unmapped"));
		}
	}

	@Test
	void anExpiredCertificateAndOneFromAnotherCaFailTheHandshake() throws Exception {
		// the server's trust store is the clients' CA: the JDK refuses both in the handshake, even with
		// client-auth "want" (ClientCertificatesTests covers the validator's own refusals behind it)
		IssuedCertificate expired = ca.issueClient("runner-old",
				List.of(new GeneralName(GeneralName.uniformResourceIdentifier, DevelopmentPki.AGENT_RUNNER_ID)),
				Instant.now().minus(Duration.ofDays(10)), Duration.ofDays(1));
		CertificateAuthority other = CertificateAuthority.create("Another CA", Instant.now().minus(Duration.ofMinutes(5)),
				Duration.ofDays(30));
		IssuedCertificate foreign = other.issueClient("runner",
				List.of(new GeneralName(GeneralName.uniformResourceIdentifier, DevelopmentPki.AGENT_RUNNER_ID)),
				Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(1));
		X509Certificate trusted = TlsClients.certificate(pki.caCertificate());
		for (IssuedCertificate refused : List.of(expired, foreign)) {
			assertThatExceptionOfType(SSLHandshakeException.class).as(refused.toString())
				.isThrownBy(() -> send(TlsClients.insisting(trusted, refused), get("/api/v1/me")))
				.withMessageContaining("certificate_unknown");
		}
		// and the server answers the next client as before
		assertThat(send(http(runner()), get("/api/v1/me")).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenAskedForOverMutualTlsIsBoundToThatCertificateCachedOrNot() throws Exception {
		String bound = token(http(runner()));
		JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(bound.split("\\.")[1]));
		assertThat(claims.get("cnf").get("x5t#S256").asString())
			.isEqualTo(dev.palisade.security.x509.CertificateThumbprints.x5tS256(runner().certificate()));
		for (int round = 0; round < 2; round++) {
			// the second round runs on the verifier's cache
			assertThat(send(http(runner()), get("/api/v1/me").header("Authorization", "Bearer " + bound)).statusCode())
				.isEqualTo(200);
			assertThat(problem(send(http(null), get("/api/v1/me").header("Authorization", "Bearer " + bound))))
				.as("without the certificate").isEqualTo(401);
			assertThat(problem(send(http(ops()), get("/api/v1/me").header("Authorization", "Bearer " + bound))))
				.as("with another certificate").isEqualTo(401);
		}
		synchronized (EVENTS) {
			assertThat(EVENTS).filteredOn((event) -> "certificate_binding".equals(event.reasonCode())).hasSize(4);
		}
		String unbound = token(http(null));
		assertThat(send(http(null), get("/api/v1/me").header("Authorization", "Bearer " + unbound)).statusCode())
			.as("a token asked for without a certificate is a plain bearer token").isEqualTo(200);
	}

	@Test
	void theCertificateReportAndGaugesShowTheClientsAndTheirCa() throws Exception {
		assertThat(send(http(runner()), get("/api/v1/me")).statusCode()).isEqualTo(200);
		HttpResponse<String> report = send(http(ops()), get("/actuator/palisadecertificates"));
		assertThat(report.statusCode()).as("ops-cli maps to platform:admin").isEqualTo(200);
		JsonNode body = JSON.readTree(report.body());
		assertThat(body.get("warningDays").asLong()).isEqualTo(14);
		List<JsonNode> rows = new ArrayList<>();
		body.get("certificates").forEach(rows::add);
		assertThat(rows).filteredOn((row) -> row.get("kind").asString().equals("trust_anchor"))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("subject").asString()).isEqualTo("CN=Palisade development CA"));
		assertThat(rows).filteredOn((row) -> "agent-runner".equals(row.path("name").asString()))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("seen").asBoolean()).isTrue();
				assertThat(row.get("subject").asString()).isEqualTo("CN=agent-runner");
				assertThat(row.get("daysLeft").asLong()).isBetween(300L, 397L);
				assertThat(row.get("expiring").asBoolean()).isFalse();
			});
		assertThat(this.meters.get("palisade.client_certificate.expiry").tag("client", "agent-runner").gauge().value())
			.isGreaterThan(Duration.ofDays(300).toSeconds());
		assertThat(this.meters.find("palisade.client_certificate.expiry").gauges()).as("one series per mapping")
			.hasSize(2);
		assertThat(this.meters.find("ssl.chain.expiry").gauges()).as("Boot's own, for the server's bundle").isNotEmpty();
		assertThat(problem(send(http(runner()), get("/actuator/palisadecertificates")))).as("not for an org member")
			.isEqualTo(403);
	}

	private static IssuedCertificate runner() throws Exception {
		return new IssuedCertificate(TlsClients.certificate(pki.clientCertificate("agent-runner")),
				TlsClients.privateKey(pki.clientKey("agent-runner")));
	}

	private static IssuedCertificate ops() throws Exception {
		return new IssuedCertificate(TlsClients.certificate(pki.clientCertificate("ops-cli")),
				TlsClients.privateKey(pki.clientKey("ops-cli")));
	}

	private String token(HttpClient client) throws Exception {
		HttpResponse<String> response = send(client, HttpRequest.newBuilder(uri("/auth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=acme-dev&password=acme-dev-password")));
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private static int problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return response.statusCode();
	}

	private HttpClient http(IssuedCertificate client) throws Exception {
		return TlsClients.http(TlsClients.certificate(pki.caCertificate()), client);
	}

	private SSLSocket socket(String[] suites) throws Exception {
		SSLSocket socket = (SSLSocket) TlsClients.context(TlsClients.certificate(pki.caCertificate()), null)
			.getSocketFactory()
			.createSocket("localhost", this.port);
		if (suites != null) {
			socket.setEnabledCipherSuites(suites);
		}
		return socket;
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private URI uri(String path) {
		return URI.create("https://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Keeps every audit event beside the sample's audit log. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingAudit {

		@Bean
		@Primary
		AuditRecorder recordingAuditRecorder() {
			return (event) -> {
				synchronized (EVENTS) {
					EVENTS.add(event);
				}
			};
		}
	}
}
