package dev.palisade.sample.internal;

import java.util.Map;

import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service-to-service endpoint: with the {@code tls} profile, {@code /internal/**} takes a mapped
 * client certificate and nothing else (mutual TLS, {@code palisade.tls.clients.required-paths}).
 */
@RestController
class InternalController {

	@GetMapping("/internal/v1/caller")
	Map<String, Object> caller(@AuthenticationPrincipal PalisadePrincipal caller) {
		return Map.of("subject", caller.subject(), "kind", caller.kind().wireName(),
				"org", String.valueOf(caller.org()));
	}
}
