package dev.palisade.security.autoconfigure.audit;

import java.util.List;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With Palisade's audit log off and Actuator present, Spring Boot's own authentication audit
 * listener still stays away: it would record a refused bearer credential as the principal name.
 */
@SpringBootTest(classes = AuditDisabledActuatorHttpTests.App.class,
		properties = { "palisade.audit.enabled=false", "palisade.access.rules[0].pattern=/api/me",
				"palisade.access.rules[0].access=authenticated" })
@AutoConfigureMockMvc
class AuditDisabledActuatorHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	AuditEventRepository repository;

	@Test
	void refusedBearerCredentialsNeverBecomeAnActuatorPrincipal() throws Exception {
		String tampered = this.issuer
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, "acme", null, Set.of(), Set.of(), null))
			.value() + "tampered";
		for (String credential : List.of("not-a-jwt-at-all", tampered, "pal_live_0123456789abcdef")) {
			this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + credential))
				.andExpect(status().isUnauthorized());
			List<AuditEvent> events = this.repository.find(null, null, null);
			assertThat(events).noneSatisfy((event) -> assertThat(event.getPrincipal()).contains(credential));
			assertThat(events.toString()).doesNotContain(credential);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/api/me")
			String me() {
				return "me";
			}
		}
	}
}
