package dev.palisade.sample.agents;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The sample's agents, in memory. Every look-up is by tenant, so one tenant never sees another's. */
@Component
public class AgentRepository {

	private final Map<String, Agent> agents = new ConcurrentHashMap<>();

	public List<Agent> findAll(String org, String project) {
		return this.agents.values()
			.stream()
			.filter((agent) -> agent.org().equals(org) && agent.project().equals(project))
			.sorted(Comparator.comparing(Agent::name).thenComparing(Agent::id))
			.toList();
	}

	public Agent create(String org, String project, String name, String createdBy) {
		Agent agent = new Agent(UUID.randomUUID().toString(), org, project, name, createdBy);
		this.agents.put(agent.id(), agent);
		return agent;
	}

	public Optional<Agent> find(String org, String project, String id) {
		return Optional.ofNullable(this.agents.get(id))
			.filter((agent) -> agent.org().equals(org) && agent.project().equals(project));
	}

	/** Deletes the agent if it lives in that org and project. */
	public boolean delete(String org, String project, String id) {
		return find(org, project, id).map((agent) -> this.agents.remove(id, agent)).orElse(false);
	}
}
