package dev.palisade.security.access;

import java.util.Objects;

/**
 * Where a binding holds or where a resource lives: the whole platform, one org, or one project of
 * an org. Project identifiers are only unique within their org, so a project scope is always the
 * pair (org, project). Identifiers are compared exactly (case-sensitive).
 */
public final class Scope {

	/** How wide a scope is. */
	public enum Level {

		/** Every org and project. */
		PLATFORM,

		/** One org and all of its projects. */
		ORG,

		/** One project of one org. */
		PROJECT

	}

	static final int MAX_ID_LENGTH = 256;

	private static final Scope PLATFORM_SCOPE = new Scope(Level.PLATFORM, null, null);

	private final Level level;

	private final String org;

	private final String project;

	private Scope(Level level, String org, String project) {
		this.level = level;
		this.org = org;
		this.project = project;
	}

	/** The platform scope. */
	public static Scope platform() {
		return PLATFORM_SCOPE;
	}

	/**
	 * The scope of one org.
	 * @throws InvalidScopeException if the identifier is null, blank, too long or has control characters
	 */
	public static Scope org(String org) {
		return new Scope(Level.ORG, checkId(org, "org"), null);
	}

	/**
	 * The scope of one project of an org.
	 * @throws InvalidScopeException if an identifier is null, blank, too long or has control characters
	 */
	public static Scope project(String org, String project) {
		return new Scope(Level.PROJECT, checkId(org, "org"), checkId(project, "project"));
	}

	private static String checkId(String id, String what) {
		if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
			throw new InvalidScopeException(what + " id must be 1 to " + MAX_ID_LENGTH + " non-blank characters");
		}
		for (int i = 0; i < id.length(); i++) {
			if (Character.isISOControl(id.charAt(i))) {
				throw new InvalidScopeException(what + " id must not contain control characters");
			}
		}
		return id;
	}

	/** The level of this scope. */
	public Level level() {
		return this.level;
	}

	/** The org, or {@code null} for the platform scope. */
	public String org() {
		return this.org;
	}

	/** The project, or {@code null} unless this is a project scope. */
	public String project() {
		return this.project;
	}

	/**
	 * Whether a binding at this scope reaches a resource at {@code target}: a platform binding
	 * reaches everything, an org binding reaches the org and its projects, a project binding only
	 * that project.
	 */
	public boolean covers(Scope target) {
		return switch (this.level) {
			case PLATFORM -> true;
			case ORG -> this.org.equals(target.org);
			case PROJECT -> target.level == Level.PROJECT && this.org.equals(target.org)
					&& this.project.equals(target.project);
		};
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Scope that) && this.level == that.level && Objects.equals(this.org, that.org)
				&& Objects.equals(this.project, that.project);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.level, this.org, this.project);
	}

	/** {@code platform}, {@code org/acme} or {@code project/acme/p1}. */
	@Override
	public String toString() {
		return switch (this.level) {
			case PLATFORM -> "platform";
			case ORG -> "org/" + this.org;
			case PROJECT -> "project/" + this.org + "/" + this.project;
		};
	}
}
