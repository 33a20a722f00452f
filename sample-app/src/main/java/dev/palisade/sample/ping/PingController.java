package dev.palisade.sample.ping;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A public liveness probe. It also serves as the "no credential" side of the authentication
 * overhead measurement in {@code benchmarks/load/me-overhead.sh}.
 */
@RestController
class PingController {

	@GetMapping("/api/v1/ping")
	String ping() {
		return "pong";
	}
}
