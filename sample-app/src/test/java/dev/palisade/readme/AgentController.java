package dev.palisade.readme;

import java.util.List;

import dev.palisade.security.method.RequiresPermission;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The README's Quick-start controller, as the README shows it (see {@link ReadmeQuickStartTests}). */
// readme:begin controller
@RestController
class AgentController {

	// agents:read on this org (an org role, a role on one of its projects does not reach the org,
	// a platform role does); another tenant's caller gets 403, or 404 if you prefer
	@GetMapping("/api/v1/orgs/{org}/agents")
	@RequiresPermission(value = "agents:read", org = "#org")
	List<String> agents(@PathVariable String org, @AuthenticationPrincipal PalisadePrincipal caller) {
		return List.of(org + "/support-bot");
	}
}
// readme:end controller
