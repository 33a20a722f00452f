package dev.palisade.security.ratelimit;

/**
 * Identifies one caller's buckets under one policy. Part of the backend SPI.
 *
 * @param policy the policy name
 * @param strategy the key kind actually used (after any fallback)
 * @param value the key value: key id, subject, org or IP text
 */
public record BucketKey(String policy, KeyStrategy strategy, String value) {

	public BucketKey {
		if (policy == null || strategy == null || value == null) {
			throw new IllegalArgumentException("A bucket key needs a policy, a strategy and a value");
		}
	}

	// Written out: a record's generated equals and hashCode go through method handles, which showed
	// up in request profiles of the local backend's lookup where the JIT had not inlined them.

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof BucketKey key && this.strategy == key.strategy
				&& this.value.equals(key.value) && this.policy.equals(key.policy));
	}

	@Override
	public int hashCode() {
		return (31 * this.policy.hashCode() + this.strategy.ordinal()) * 31 + this.value.hashCode();
	}
}
