package dev.palisade.security.autoconfigure.audit;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.audit.file.AuditLogFiles;
import dev.palisade.security.audit.file.AuditLogReader;
import dev.palisade.security.autoconfigure.token.AccessTokenMetrics;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.InvalidTokenException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Security decisions taken over HTTP reach the audit file, Actuator's repository and metrics. */
@SpringBootTest(classes = AuditHttpTests.App.class,
		properties = { "palisade.audit.path=target/audit-http-tests/${random.uuid}",
				"palisade.audit.request-authentications=batched",
				"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated",
				"management.endpoints.web.exposure.include=palisadeaudit,auditevents" })
@AutoConfigureMockMvc
class AuditHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	PalisadeAuditProperties properties;

	@Autowired
	AuditEventRepository repository;

	@Autowired
	MeterRegistry meters;

	private String platformAdminToken(String subject) {
		return this.issuer
			.issue(new AccessTokenRequest(subject, PrincipalKind.USER, null, null, Set.of("platform:admin"), Set.of(),
					null))
			.value();
	}

	private String token(String subject, Set<String> permissions) {
		return this.issuer
			.issue(new AccessTokenRequest(subject, PrincipalKind.USER, "acme", null, Set.of(), permissions, null))
			.value();
	}

	private List<String> lines() throws Exception {
		return new AuditLogReader(this.properties.path()).newestFirst(0, 1000);
	}

	@Test
	void signInSuccessFailureAndDenialAreRecordedInTheFileAndActuator() throws Exception {
		String good = token("alice", Set.of());
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + good)
			.header("User-Agent", "audit-test/1.0")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt-at-all"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/write-check").header(HttpHeaders.AUTHORIZATION, "Bearer " + good))
			.andExpect(status().isForbidden());

		List<String> lines = lines();
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("\"action\":\"access_token.authenticate\"")
			.contains("\"id\":\"alice\"")
			.contains("\"result\":\"success\"")
			.contains("\"userAgent\":\"audit-test/1.0\"")
			.contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
			.contains("\"clientIp\":\"127.0.0.1\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("\"action\":\"access_token.authenticate\"")
			.contains("\"kind\":\"anonymous\"")
			.contains("\"result\":\"failure\"")
			.contains("\"reasonCode\":\"malformed\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("\"action\":\"authorize\"")
			.contains("\"id\":\"alice\"")
			.contains("\"result\":\"denied\"")
			.contains("\"reasonCode\":\"access_denied\""));
		String all = String.join("\n", lines);
		assertThat(all).doesNotContain(good).doesNotContain("not-a-jwt-at-all");

		List<AuditEvent> forwarded = this.repository.find(null, null, null);
		assertThat(forwarded).anySatisfy((event) -> {
			assertThat(event.getType()).isEqualTo("access_token.authenticate");
			assertThat(event.getPrincipal()).isEqualTo("alice");
			assertThat(event.getData()).containsEntry("result", "success");
		});
		assertThat(forwarded).anySatisfy((event) -> {
			assertThat(event.getType()).isEqualTo("access_token.authenticate");
			assertThat(event.getPrincipal()).isEqualTo("anonymous");
			assertThat(event.getData()).containsEntry("result", "failure").containsEntry("reasonCode", "malformed");
		});
		assertThat(forwarded).anySatisfy((event) -> {
			assertThat(event.getType()).isEqualTo("authorize");
			assertThat(event.getData()).containsEntry("result", "denied");
		});
		// Boot's own security audit listeners stood aside: no duplicates, no raw bearer value as principal
		assertThat(forwarded).noneSatisfy((event) -> assertThat(event.getType()).startsWith("AUTHENTICATION_"));
		assertThat(forwarded).noneSatisfy((event) -> assertThat(event.getPrincipal()).contains("not-a-jwt"));

		assertThat(this.meters.get(AuditMetricsListener.EVENTS)
			.tag("type", "access_token.authenticate")
			.tag("result", "failure")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get(AuditMetricsListener.EVENTS).tag("type", "authorize").tag("result", "denied")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anApplicationsOwnActionsShareOneBoundedTypeTag(@Autowired AuditRecorder recorder) {
		for (int i = 0; i < 5; i++) {
			recorder.record(dev.palisade.security.audit.AuditEvent.builder().action("invoice.export." + i).result(AuditResult.SUCCESS).build());
		}
		assertThat(this.meters.find(AuditMetricsListener.EVENTS).counters())
			.noneSatisfy((counter) -> assertThat(counter.getId().getTag("type")).startsWith("invoice."));
		assertThat(this.meters.get(AuditMetricsListener.EVENTS).tag("type", "application").counter().count())
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void accessTokenVerificationsAreCountedByOutcome() throws Exception {
		double valid = verifications("valid");
		double malformed = verifications("malformed");
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("vera", Set.of())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt"))
			.andExpect(status().isUnauthorized());
		assertThat(verifications("valid")).isEqualTo(valid + 1);
		assertThat(verifications("malformed")).isEqualTo(malformed + 1);
		assertThat(this.meters.find(AccessTokenMetrics.NAME).counters()).as("every outcome registered up front")
			.hasSize(InvalidTokenException.Reason.values().length + 1);
	}

	private double verifications(String outcome) {
		return this.meters.get(AccessTokenMetrics.NAME).tag("outcome", outcome).counter().count();
	}

	@Test
	void endpointReportsIntactThenTheFirstBrokenSequenceAfterOneByteIsEdited() throws Exception {
		String admin = "Bearer " + platformAdminToken("ops");
		// actuator:read held in one org does not open a log of every tenant's records
		this.mvc
			.perform(get("/actuator/palisadeaudit").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + token("tenant-ops", Set.of("actuator:read"))))
			.andExpect(status().isForbidden());
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("bob", Set.of())))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/actuator/palisadeaudit").header(HttpHeaders.AUTHORIZATION, admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.firstBrokenSequence").doesNotExist());

		// edit one byte of bob's newest record: "bob" becomes "bpb"
		Path file = AuditLogFiles.recordFiles(this.properties.path()).get(0);
		String content = Files.readString(file, StandardCharsets.UTF_8);
		int at = content.lastIndexOf("\"id\":\"bob\"") + "\"id\":\"b".length();
		long sequence = sequenceOfLineAt(content, at);
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.seek(content.substring(0, at).getBytes(StandardCharsets.UTF_8).length);
			raf.write('p');
		}

		this.mvc.perform(get("/actuator/palisadeaudit").header(HttpHeaders.AUTHORIZATION, admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(false))
			.andExpect(jsonPath("$.tampered").value(true))
			.andExpect(jsonPath("$.firstBrokenSequence").value(sequence))
			.andExpect(jsonPath("$.verifiedRecords").value(sequence - 1))
			.andExpect(jsonPath("$.reason").value("MAC_MISMATCH"));
		this.mvc.perform(get("/actuator/palisadeaudit").param("mode", "full").header(HttpHeaders.AUTHORIZATION, admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mode").value("full"))
			.andExpect(jsonPath("$.reason").value("MAC_MISMATCH"));
		this.mvc.perform(get("/actuator/palisadeaudit").param("mode", "partial").header(HttpHeaders.AUTHORIZATION, admin))
			.andExpect(status().isBadRequest());
	}

	@Test
	void endpointNeedsTheActuatorPermission() throws Exception {
		this.mvc.perform(get("/actuator/palisadeaudit").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + token("carol", Set.of())))
			.andExpect(status().isForbidden());
	}

	private static long sequenceOfLineAt(String content, int index) {
		int start = content.lastIndexOf('\n', index) + 1;
		String prefix = "{\"seq\":";
		int end = content.indexOf(',', start);
		return Long.parseLong(content.substring(start + prefix.length(), end));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	static class App {

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/api/me")
			String me() {
				return "me";
			}

			@GetMapping("/api/write-check")
			@PreAuthorize("hasAuthority('agents:write')")
			String writeCheck() {
				return "ok";
			}
		}
	}
}
