package dev.palisade.security.web;

import java.util.Map;

import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal application secured by Palisade's defaults. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import(TestApplication.Endpoints.class)
class TestApplication {

	@RestController
	static class Endpoints {

		@GetMapping("/api/me")
		Map<String, Object> me(@AuthenticationPrincipal PalisadePrincipal me) {
			return Map.of("subject", me.subject(), "kind", me.kind().wireName());
		}

		@GetMapping("/api/agents/write-check")
		@PreAuthorize("hasAuthority('agents:write')")
		String writeCheck() {
			return "ok";
		}

		@GetMapping("/open/ping")
		String ping() {
			return "pong";
		}
	}
}
