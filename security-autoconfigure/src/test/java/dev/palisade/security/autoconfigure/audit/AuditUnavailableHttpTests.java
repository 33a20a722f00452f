package dev.palisade.security.autoconfigure.audit;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import dev.palisade.security.audit.AuditCheckpoint;
import dev.palisade.security.audit.AuditRecord;
import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.ChainHead;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A failed audit sink: every request that must be recorded is refused with 503 problem+json and a
 * {@code Retry-After}, counted in {@code palisade.audit.refused}, never a 500; an open path stays open.
 */
@SpringBootTest(classes = AuditUnavailableHttpTests.App.class,
		properties = { "palisade.audit.write-timeout=2s", "palisade.access.public-paths[0]=/api/open",
				"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated",
				"palisade.audit.request-authentications=batched" })
@AutoConfigureMockMvc
class AuditUnavailableHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	MeterRegistry meters;

	@Test
	void aRequestThatCannotBeAuditedIsA503NeverA500() throws Exception {
		String token = this.issuer
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, "acme", null, Set.of(), Set.of(), null))
			.value();
		// a refused credential must be recorded before the 401: the sink fails, so the answer is 503
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(503));
		// the log has failed closed: a good token's request is refused too, and so is every later one
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("audit log")));
		}
		// a public path records nothing and is still served
		this.mvc.perform(get("/api/open")).andExpect(status().isOk());
		assertThat(this.meters.get(AuditMetricsListener.REFUSED).counter().count()).isGreaterThanOrEqualTo(4);
		assertThat(this.meters.get(AuditMetricsListener.FAILURES).counter().count()).isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		/** A disk that refuses every write. */
		@Bean
		AuditSink failingSink() {
			return new AuditSink() {
				@Override
				public ChainHead open() {
					return ChainHead.genesis();
				}

				@Override
				public void append(List<AuditRecord> batch) throws IOException {
					throw new IOException("No space left on device");
				}

				@Override
				public void force() {
				}

				@Override
				public void appendCheckpoint(AuditCheckpoint checkpoint) {
				}

				@Override
				public void close() {
				}
			};
		}

		@RestController
		static class Endpoints {

			@GetMapping("/api/me")
			String me() {
				return "me";
			}

			@GetMapping("/api/open")
			String open() {
				return "open";
			}
		}
	}
}
