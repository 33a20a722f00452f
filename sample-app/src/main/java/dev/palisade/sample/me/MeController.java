package dev.palisade.sample.me;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.palisade.sample.access.EffectivePermissions;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is calling: the same view for every credential kind, with the permissions the caller holds
 * at its own scope (direct ones plus those of its roles, inherited roles included).
 */
@RestController
class MeController {

	private final EffectivePermissions permissions;

	MeController(EffectivePermissions permissions) {
		this.permissions = permissions;
	}

	/** An example caller, shaped like the sample's {@code acme-dev} user. */
	private static final PalisadePrincipal EXAMPLE = new PalisadePrincipal("acme-dev", PrincipalKind.USER, "acme",
			"p1", Set.of("project:developer"), Set.of());

	@GetMapping("/api/v1/me")
	Map<String, Object> me(@AuthenticationPrincipal PalisadePrincipal me) {
		return view(me);
	}

	/**
	 * A public example of the {@code /me} body, built by the same code for a fixed caller. It is the
	 * "open endpoint returning the same JSON" that {@code benchmarks/load/me-overhead.sh} compares
	 * {@code /me} with, so the ratio is what authentication, authorization and audit cost.
	 */
	@GetMapping("/api/v1/me/example")
	Map<String, Object> example() {
		return view(EXAMPLE);
	}

	private Map<String, Object> view(PalisadePrincipal me) {
		Map<String, Object> body = new TreeMap<>();
		body.put("subject", me.subject());
		body.put("kind", me.kind().wireName());
		body.put("org", me.org());
		body.put("project", me.project());
		body.put("roles", me.roles().stream().sorted().toList());
		body.put("permissions", me.permissions().stream().sorted().toList());
		body.put("effectivePermissions", List.copyOf(this.permissions.of(me)));
		return body;
	}

}
