package dev.palisade.security.method;

import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.web.PalisadeAuthentication;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * An application secured by Palisade's defaults that does NOT declare {@code @EnableMethodSecurity}:
 * Palisade's annotations and {@code @PreAuthorize} must work anyway.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AccessTestApplication.Endpoints.class)
class AccessTestApplication {

	/**
	 * Signs a request in as a Palisade principal directly, so these tests exercise authorization
	 * only (token verification has its own tests).
	 */
	static RequestPostProcessor caller(String subject, String org, String project, Set<String> roles,
			Set<String> permissions) {
		return authentication(
				new PalisadeAuthentication(new PalisadePrincipal(subject, PrincipalKind.USER, org, project, roles,
						permissions)));
	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/orgs/{org}/projects/{project}/things")
		@RequiresPermission(value = "things:read", org = "#org", project = "#project")
		String things(@PathVariable String org, @PathVariable String project) {
			return org + "/" + project;
		}

		@PostMapping("/api/orgs/{org}/settings")
		@RequiresRole(value = "org:admin", org = "#org")
		String settings(@PathVariable String org) {
			return "saved";
		}

		@GetMapping("/api/home/things")
		@RequiresPermission("things:read")
		String home() {
			return "home";
		}

		@GetMapping("/api/path-variable/{org}/things")
		@RequiresPermission(value = "things:read", org = "#pathVariables['org']")
		String byPathVariable() {
			return "by path variable";
		}

		@GetMapping("/api/pre")
		@PreAuthorize("hasAuthority('x:y')")
		String pre() {
			return "pre";
		}

		@GetMapping("/api/unguarded")
		String unguarded() {
			return "unguarded";
		}

		@GetMapping("/api/reports/{org}")
		String reports(@PathVariable String org) {
			return "reports of " + org;
		}

		@GetMapping("/api/closed")
		@RequiresPermission("things:read")
		String closed() {
			return "closed";
		}

		@GetMapping("/api/final")
		@RequiresPermission("things:read")
		public final String finalMethod() {
			return "escaped the proxy";
		}

		@GetMapping("/open/ping")
		String ping() {
			return "pong";
		}
	}
}
