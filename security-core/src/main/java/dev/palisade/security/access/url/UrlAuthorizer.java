package dev.palisade.security.access.url;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessDecision;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.DefaultPolicy;
import dev.palisade.security.access.ReasonCode;

/**
 * Decides a request from URL rules alone: the matched rule's requirement at the scope the path
 * names, or the default policy when no rule matches. (Endpoints covered by an annotation instead
 * are the web layer's to combine.) Thread-safe.
 */
public final class UrlAuthorizer {

	private final UrlAccessRules rules;

	private final AccessDecider decider;

	private final DefaultPolicy defaultPolicy;

	/** An authorizer over compiled rules, a decider and the policy for uncovered endpoints. */
	public UrlAuthorizer(UrlAccessRules rules, AccessDecider decider, DefaultPolicy defaultPolicy) {
		this.rules = Objects.requireNonNull(rules, "rules");
		this.decider = Objects.requireNonNull(decider, "decider");
		this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
	}

	/**
	 * Decides a request.
	 * @param subject the caller, or {@code null} when unauthenticated
	 * @throws InvalidRequestPathException for a path that cannot be matched safely
	 */
	public AccessDecision decide(String method, String path, AccessSubject subject) {
		return decide(match(method, path), subject, () -> this.defaultPolicy.decide(subject != null));
	}

	/**
	 * The rule that covers a request, if any.
	 * @throws InvalidRequestPathException for a path that cannot be matched safely
	 */
	public Optional<UrlMatch> match(String method, String path) {
		return this.rules.match(method, path);
	}

	/**
	 * Decides a request already matched: the rule's requirement, or {@code uncovered} when no rule
	 * matched (the web layer passes one that lets an annotated endpoint's annotation decide).
	 * @param subject the caller, or {@code null} when unauthenticated
	 */
	public AccessDecision decide(Optional<UrlMatch> match, AccessSubject subject, Supplier<AccessDecision> uncovered) {
		if (match.isEmpty()) {
			return uncovered.get();
		}
		UrlMatch m = match.get();
		UrlRequirement requirement = m.requirement();
		if (requirement.kind() == UrlRequirement.Kind.PUBLIC) {
			return AccessDecision.of(ReasonCode.ALLOWED_PUBLIC);
		}
		if (subject == null) {
			return AccessDecision.of(ReasonCode.DENIED_UNAUTHENTICATED);
		}
		return switch (requirement.kind()) {
			case AUTHENTICATED -> AccessDecision.of(ReasonCode.ALLOWED_AUTHENTICATED);
			case PERMISSION -> this.decider.decide(subject, requirement.permission(), m.target());
			case ROLE -> this.decider.decideRole(subject, requirement.role(), m.target());
			default -> AccessDecision.of(ReasonCode.DENIED_BY_RULE);
		};
	}
}
