package dev.palisade.sample.agents;

import java.util.List;

import dev.palisade.security.method.RequiresPermission;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.web.ProblemAccessDeniedHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agents of one project. Each endpoint names the permission it needs and where the resource
 * lives (the org and project of the path); the roles that grant them are in application.yml.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/agents")
class AgentController {

	static final int MAX_NAME_LENGTH = 100;

	private final AgentRepository agents;

	AgentController(AgentRepository agents) {
		this.agents = agents;
	}

	@GetMapping
	@RequiresPermission(value = "agents:read", org = "#org", project = "#project")
	List<Agent> list(@PathVariable String org, @PathVariable String project) {
		return this.agents.findAll(org, project);
	}

	@PostMapping
	@RequiresPermission(value = "agents:write", org = "#org", project = "#project")
	ResponseEntity<?> create(@PathVariable String org, @PathVariable String project, @RequestBody NewAgent body,
			@AuthenticationPrincipal PalisadePrincipal caller) {
		if (body.name() == null || body.name().isBlank() || body.name().length() > MAX_NAME_LENGTH) {
			return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"name must be 1 to " + MAX_NAME_LENGTH + " characters")).build();
		}
		Agent agent = this.agents.create(org, project, body.name().strip(), caller.subject());
		// org and project come decoded from the path and may hold any character: encode them strictly
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/v1/orgs/{org}/projects/{project}/agents/{id}")
				.encode()
				.buildAndExpand(org, project, agent.id())
				.toUri())
			.body(agent);
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(value = "agents:delete", org = "#org", project = "#project")
	ResponseEntity<?> delete(@PathVariable String org, @PathVariable String project, @PathVariable String id) {
		if (this.agents.delete(org, project, id)) {
			return ResponseEntity.noContent().build();
		}
		// the same answer as a concealed cross-tenant denial, so the two cannot be told apart
		return ResponseEntity
			.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ProblemAccessDeniedHandler.NOT_FOUND_DETAIL))
			.build();
	}

	/**
	 * The body of a create request.
	 *
	 * @param name the agent's display name
	 */
	record NewAgent(String name) {
	}
}
