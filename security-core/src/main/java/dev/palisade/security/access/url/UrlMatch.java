package dev.palisade.security.access.url;

import dev.palisade.security.access.Scope;

/**
 * The rule that matched a request: its requirement, the pattern text (for audit) and the scope the
 * path names through its {@code {org}} and {@code {project}} variables ({@link Scope#platform()} when
 * it names none).
 *
 * @param requirement what the rule requires
 * @param pattern the matched pattern as configured
 * @param method the rule's method, or {@code null} for any method
 * @param target the resource scope taken from the path
 */
public record UrlMatch(UrlRequirement requirement, String pattern, String method, Scope target) {
}
