package dev.palisade.sample.agents;

/**
 * An AI agent registered in one project of one org.
 *
 * @param id the agent id
 * @param org the owning org
 * @param project the owning project within the org
 * @param name a display name
 * @param createdBy the subject that created it
 */
public record Agent(String id, String org, String project, String name, String createdBy) {
}
