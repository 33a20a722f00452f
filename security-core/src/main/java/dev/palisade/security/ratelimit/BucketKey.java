package dev.palisade.security.ratelimit;

/**
 * Identifies one caller's buckets under one policy. Part of the backend SPI.
 *
 * @param policy the policy name
 * @param strategy the key kind actually used (after any fallback)
 * @param value the key value: key id, subject, org or IP text
 */
public record BucketKey(String policy, KeyStrategy strategy, String value) {
}
