package dev.palisade.security.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.x509.CertificateAuthority;
import dev.palisade.security.x509.IssuedCertificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Behind a TLS-terminating proxy: the client certificate from {@code palisade.tls.clients.forwarded-header}
 * (URL-encoded PEM, or Envoy's XFCC element) authenticates a request from a trusted proxy, and is
 * ignored and audited from anyone else.
 */
@SpringBootTest(classes = { TestApplication.class, ForwardedClientCertificateHttpTests.RecordingAudit.class },
		properties = { "palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api",
				"palisade.rate-limit.enabled=false", "palisade.network.trusted-proxies=127.0.0.1/32",
				"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated",
				"palisade.tls.clients.forwarded-header=X-SSL-Client-Cert",
				"palisade.tls.clients.mappings[0].name=runner", "palisade.tls.clients.mappings[0].match=san-uri",
				"palisade.tls.clients.mappings[0].value=spiffe://acme/agents/runner" })
@AutoConfigureMockMvc
class ForwardedClientCertificateHttpTests {

	private static final List<AuditEvent> EVENTS = new ArrayList<>();

	private static final CertificateAuthority CA = CertificateAuthority.create("Proxy test CA",
			Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(30));

	private static final IssuedCertificate RUNNER = CA.issueClient("runner",
			List.of(new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://acme/agents/runner")),
			Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(1));

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void trustedCa(DynamicPropertyRegistry registry) throws Exception {
		Path ca = Files.createTempFile("proxy-test-ca", ".crt");
		Files.writeString(ca, CertificateAuthority.pem(CA.root().certificate()));
		registry.add("palisade.tls.clients.trusted-ca", ca::toString);
	}

	@Test
	void aCertificateForwardedByATrustedProxyAuthenticates() throws Exception {
		String pem = URLEncoder.encode(CertificateAuthority.pem(RUNNER.certificate()), StandardCharsets.UTF_8);
		this.mvc.perform(get("/api/me").header("X-SSL-Client-Cert", pem).with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("spiffe://acme/agents/runner"))
			.andExpect(jsonPath("$.kind").value("client_cert"));
		this.mvc.perform(get("/api/me")
			.header("X-SSL-Client-Cert", "By=spiffe://proxy;Hash=abc;Cert=\"" + pem + "\";Subject=\"CN=runner\"")
			.with(from("127.0.0.1"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/me").header("X-SSL-Client-Cert", "not a certificate").with(from("127.0.0.1")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theHeaderFromAnyoneElseIsIgnoredAndRecorded() throws Exception {
		synchronized (EVENTS) {
			EVENTS.clear();
		}
		String pem = URLEncoder.encode(CertificateAuthority.pem(RUNNER.certificate()), StandardCharsets.UTF_8);
		this.mvc.perform(get("/api/me").header("X-SSL-Client-Cert", pem).with(from("203.0.113.9")))
			.andExpect(status().isUnauthorized());
		synchronized (EVENTS) {
			assertThat(EVENTS).extracting(AuditEvent::reasonCode).contains("untrusted_forwarded_certificate");
		}
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

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
