package dev.palisade.sample.apikeys;

import java.time.Duration;
import java.util.Set;

/**
 * The body of a create request.
 *
 * @param name a label for the key
 * @param project the project within the org the key is limited to, if any
 * @param scopes the permissions the key carries; each must be held by the creator
 * @param ttl the key's lifetime (ISO-8601, such as {@code P30D}); absent means the configured default
 */
record NewApiKey(String name, String project, Set<String> scopes, Duration ttl) {
}
