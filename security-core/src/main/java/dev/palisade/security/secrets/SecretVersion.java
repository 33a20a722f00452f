package dev.palisade.security.secrets;

import java.time.Instant;

/**
 * One stored version of a secret.
 *
 * @param version the version, from 1
 * @param createdAt when it was written
 */
public record SecretVersion(long version, Instant createdAt) {
}
