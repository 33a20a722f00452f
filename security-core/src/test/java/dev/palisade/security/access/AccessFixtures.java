package dev.palisade.security.access;

/** The model the table test and several unit tests share: the default hierarchy plus platform roles. */
final class AccessFixtures {

	private AccessFixtures() {
	}

	static AccessModel model() {
		return AccessModel.builder()
			.role("platform:admin", "*")
			.role("platform:support", "*:read")
			.role("org:owner", "org:*", "billing:*")
			.role("org:admin", "members:*", "projects:create", "projects:delete")
			.role("org:member", "org:read", "projects:list")
			.role("project:admin", "project:*")
			.role("project:developer", "agents:write", "agents:run", "deployments:create")
			.role("project:viewer", "agents:read", "deployments:read")
			.role("auditor", "audit:read")
			.hierarchy("org:owner > org:admin > org:member")
			.hierarchy("project:admin > project:developer > project:viewer")
			// org admins administer every project of their org; members see every project
			.inherits("org:admin", "project:admin")
			.inherits("org:member", "project:viewer")
			.build();
	}

	/** {@code *} is the platform, {@code acme} an org, {@code acme/p1} a project. */
	static Scope scope(String text) {
		if (text.equals("*")) {
			return Scope.platform();
		}
		int slash = text.indexOf('/');
		return (slash < 0) ? Scope.org(text) : Scope.project(text.substring(0, slash), text.substring(slash + 1));
	}
}
