package dev.palisade.sample.me;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is calling: the same view for every credential kind, with the permissions the caller holds
 * at its own scope (direct ones plus those of its roles, inherited roles included).
 */
@RestController
class MeController {

	private final AccessModel access;

	MeController(AccessModel access) {
		this.access = access;
	}

	@GetMapping("/api/v1/me")
	Map<String, Object> me(@AuthenticationPrincipal PalisadePrincipal me) {
		Map<String, Object> body = new TreeMap<>();
		body.put("subject", me.subject());
		body.put("kind", me.kind().wireName());
		body.put("org", me.org());
		body.put("project", me.project());
		body.put("roles", me.roles().stream().sorted().toList());
		body.put("permissions", me.permissions().stream().sorted().toList());
		TreeSet<String> effective = new TreeSet<>(me.permissions());
		me.roles()
			.stream()
			.filter((role) -> me.org() != null || role.startsWith(AccessSubject.DEFAULT_PLATFORM_ROLE_PREFIX))
			.forEach((role) -> this.access.effectivePermissions(role)
				.forEach((permission) -> effective.add(permission.toString())));
		body.put("effectivePermissions", List.copyOf(effective));
		return body;
	}

}
