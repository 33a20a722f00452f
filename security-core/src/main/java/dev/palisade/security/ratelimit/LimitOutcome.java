package dev.palisade.security.ratelimit;

/**
 * The result of taking one permit from one limit. Part of the backend SPI.
 *
 * @param allowed whether the permit was taken
 * @param limit the limit's capacity
 * @param remaining permits left after this request
 * @param resetAfterNanos time until the limit has fully recovered
 * @param retryAfterNanos when refused, time until a permit will be available; otherwise 0
 */
public record LimitOutcome(boolean allowed, long limit, long remaining, long resetAfterNanos, long retryAfterNanos) {
}
