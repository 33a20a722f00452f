package dev.palisade.security.access.url;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.access.Scope;

/**
 * URL rules (method + Ant-style pattern -> requirement) and public paths, compiled at start-up
 * into a segment trie. A request is matched by walking the trie: a literal segment beats
 * {@code *}/{@code {var}}, which beats {@code **}; a rule for the request's method beats a rule
 * for any method at the same pattern. No regex and no pattern parsing at request time.
 * Immutable and thread-safe.
 */
public final class UrlAccessRules {

	private final Node root;

	private final List<String> descriptions;

	private UrlAccessRules(Node root, List<String> descriptions) {
		this.root = root;
		this.descriptions = List.copyOf(descriptions);
	}

	/** Starts an empty rule set. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Finds the most specific rule for a request.
	 * @param method the HTTP method as sent, for example {@code GET}
	 * @param path the decoded request path within the application (no context path, no query)
	 * @return the match, or empty when no rule covers the request (apply the default policy)
	 * @throws InvalidRequestPathException if the path has dot segments, {@code ;}, {@code %},
	 * backslashes or control characters
	 */
	public Optional<UrlMatch> match(String method, String path) {
		String[] segments = RequestPath.segments(path);
		Rule rule = find(this.root, segments, 0, method);
		if (rule == null) {
			return Optional.empty();
		}
		return Optional.of(new UrlMatch(rule.requirement, rule.pattern.text, rule.method, rule.target(segments)));
	}

	/** The rules in declaration order, as {@code METHOD pattern -> requirement}, for diagnostics. */
	public List<String> describe() {
		return this.descriptions;
	}

	/** Depth-first with backtracking: literal child, then single-segment child, then a trailing {@code **}. */
	private static Rule find(Node node, String[] segments, int index, String method) {
		if (index == segments.length) {
			Rule exact = RuleSet.find(node.exact, method);
			return (exact != null) ? exact : RuleSet.find(node.rest, method);
		}
		Node literal = node.literals.get(segments[index]);
		if (literal != null) {
			Rule rule = find(literal, segments, index + 1, method);
			if (rule != null) {
				return rule;
			}
		}
		if (node.single != null) {
			Rule rule = find(node.single, segments, index + 1, method);
			if (rule != null) {
				return rule;
			}
		}
		return RuleSet.find(node.rest, method);
	}

	private static final class Node {

		final Map<String, Node> literals = new HashMap<>();

		Node single;

		RuleSet exact;

		RuleSet rest;
	}

	/** The rules that end at one trie position: per method, plus one for any method. */
	private static final class RuleSet {

		final Map<String, Rule> byMethod = new HashMap<>();

		Rule anyMethod;

		static Rule find(RuleSet set, String method) {
			if (set == null) {
				return null;
			}
			Rule rule = (method != null) ? set.byMethod.get(method) : null;
			if (rule == null && "HEAD".equals(method)) {
				// Spring MVC answers HEAD with the GET handler, so a GET rule guards HEAD too
				rule = set.byMethod.get("GET");
			}
			return (rule != null) ? rule : set.anyMethod;
		}
	}

	private static final class Rule {

		final String method;

		final PathPattern pattern;

		final UrlRequirement requirement;

		Rule(String method, PathPattern pattern, UrlRequirement requirement) {
			this.method = method;
			this.pattern = pattern;
			this.requirement = requirement;
		}

		Scope target(String[] segments) {
			if (this.pattern.projectIndex >= 0) {
				return Scope.project(segments[this.pattern.orgIndex], segments[this.pattern.projectIndex]);
			}
			if (this.pattern.orgIndex >= 0) {
				return Scope.org(segments[this.pattern.orgIndex]);
			}
			return Scope.platform();
		}
	}

	/** Collects rules; not thread-safe. */
	public static final class Builder {

		private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
				"OPTIONS", "TRACE");

		private final Node root = new Node();

		private final Set<String> shapes = new HashSet<>();

		private final List<String> descriptions = new ArrayList<>();

		private Builder() {
		}

		/** Declares paths anyone may call with any method. */
		public Builder publicPaths(String... patterns) {
			for (String pattern : patterns) {
				rule(null, pattern, UrlRequirement.publicAccess());
			}
			return this;
		}

		/**
		 * Adds a rule.
		 * @param method an HTTP method in upper case, or {@code null} for every method
		 * @throws InvalidUrlRuleException for a malformed pattern or a second rule with the same
		 * method and pattern shape
		 */
		public Builder rule(String method, String pattern, UrlRequirement requirement) {
			if (requirement == null) {
				throw new InvalidUrlRuleException("a rule needs a requirement: " + pattern);
			}
			if (method != null && !METHODS.contains(method)) {
				throw new InvalidUrlRuleException("unknown HTTP method (use upper case): " + method);
			}
			PathPattern parsed = PathPattern.parse(pattern);
			String key = ((method != null) ? method : "*") + " " + parsed.shape();
			if (!this.shapes.add(key)) {
				throw new InvalidUrlRuleException("two rules for the same method and path: " + key);
			}
			Node node = this.root;
			for (String segment : parsed.segments) {
				if (segment.equals(PathPattern.ANY_SEGMENT)) {
					node.single = (node.single != null) ? node.single : new Node();
					node = node.single;
				}
				else {
					node = node.literals.computeIfAbsent(segment, (s) -> new Node());
				}
			}
			RuleSet set;
			if (parsed.rest) {
				node.rest = (node.rest != null) ? node.rest : new RuleSet();
				set = node.rest;
			}
			else {
				node.exact = (node.exact != null) ? node.exact : new RuleSet();
				set = node.exact;
			}
			Rule rule = new Rule(method, parsed, requirement);
			if (method == null) {
				set.anyMethod = rule;
			}
			else {
				set.byMethod.put(method, rule);
			}
			this.descriptions.add(((method != null) ? method : "*") + " " + pattern + " -> " + requirement);
			return this;
		}

		/** Freezes the rules. The builder must not be used afterwards. */
		public UrlAccessRules build() {
			return new UrlAccessRules(this.root, this.descriptions);
		}
	}
}
