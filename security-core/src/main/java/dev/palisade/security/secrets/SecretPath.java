package dev.palisade.security.secrets;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a secret lives: 1 to 16 segments of {@code [A-Za-z0-9_][A-Za-z0-9._-]*} joined by {@code /},
 * such as {@code orgs/acme/projects/p1/openai}. No empty, {@code .} or {@code ..} segments, so a path
 * can never step outside the store's directory or Vault mount.
 *
 * @param value the path text
 */
public record SecretPath(String value) {

	/** The longest path accepted. */
	public static final int MAX_LENGTH = 512;

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

	private static final int MAX_SEGMENTS = 16;

	/**
	 * Checks the path.
	 * @throws InvalidSecretException if it is not a valid secret path
	 */
	public SecretPath {
		Objects.requireNonNull(value, "value");
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new InvalidSecretException("A secret path must be 1 to " + MAX_LENGTH + " characters");
		}
		String[] segments = value.split("/", -1);
		if (segments.length > MAX_SEGMENTS) {
			throw new InvalidSecretException("A secret path has at most " + MAX_SEGMENTS + " segments");
		}
		for (String segment : segments) {
			if (!SEGMENT.matcher(segment).matches() || segment.endsWith(".secret")) {
				throw new InvalidSecretException("A secret path is segments of letters, digits, '.', '_' and '-' "
						+ "joined by '/', each starting with a letter, digit or '_' and not ending in '.secret'");
			}
		}
	}

	/** The path for {@code value}. */
	public static SecretPath of(String value) {
		return new SecretPath(value);
	}

	/** The path of the tenant-scoped secret {@code orgs/{org}/projects/{project}/{name...}}. */
	public static SecretPath ofProject(String org, String project, String name) {
		return new SecretPath("orgs/" + org + "/projects/" + project + "/" + name);
	}

	/** The segments. */
	public List<String> segments() {
		return List.of(this.value.split("/"));
	}

	/** The last segment. */
	public String name() {
		return this.value.substring(this.value.lastIndexOf('/') + 1);
	}

	/** This path with {@code name} appended. */
	public SecretPath resolve(String name) {
		return new SecretPath(this.value + "/" + name);
	}

	/** The org of an {@code orgs/{org}/...} path, or {@code null}. */
	public String org() {
		List<String> segments = segments();
		return (segments.size() >= 2 && segments.get(0).equals("orgs")) ? segments.get(1) : null;
	}

	/** The project of an {@code orgs/{org}/projects/{project}/...} path, or {@code null}. */
	public String project() {
		List<String> segments = segments();
		return (segments.size() >= 4 && segments.get(0).equals("orgs") && segments.get(2).equals("projects"))
				? segments.get(3) : null;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
