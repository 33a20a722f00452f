package dev.palisade.security.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketKeyTest {

	@Test
	void keysAreEqualExactlyWhenPolicyStrategyAndValueAre() {
		BucketKey key = new BucketKey("api", KeyStrategy.ORG, "acme");
		BucketKey same = new BucketKey(new String("api"), KeyStrategy.ORG, new String("acme"));
		assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
		assertThat(key).isNotEqualTo(new BucketKey("api", KeyStrategy.SUBJECT, "acme"))
			.isNotEqualTo(new BucketKey("api", KeyStrategy.ORG, "acme2"))
			.isNotEqualTo(new BucketKey("api2", KeyStrategy.ORG, "acme"))
			.isNotEqualTo("api:ORG:acme");
	}

	@Test
	void everyPartIsRequired() {
		assertThatThrownBy(() -> new BucketKey(null, KeyStrategy.ORG, "a")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BucketKey("p", null, "a")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BucketKey("p", KeyStrategy.ORG, null)).isInstanceOf(IllegalArgumentException.class);
	}
}
