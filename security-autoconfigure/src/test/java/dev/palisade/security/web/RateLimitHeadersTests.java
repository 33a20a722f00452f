package dev.palisade.security.web;

import java.time.Duration;
import java.util.List;

import dev.palisade.security.ratelimit.LimitAlgorithm;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTests {

	private static final RateLimitPolicy TWO_LIMITS_OF_ONE_CAPACITY = RateLimitPolicy.builder("api")
		.limit(100, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
		.limit(100, Duration.ofMinutes(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
		.build();

	private final RateLimitHeaders headers = RateLimitHeaders.withIetfFields(List.of(TWO_LIMITS_OF_ONE_CAPACITY));

	private MockHttpServletResponse write(RateLimitDecision decision) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.headers.write(new MockHttpServletRequest(), response, decision);
		return response;
	}

	@Test
	void theIetfFieldNamesTheLimitThatDecidedEvenWhenAnotherHasTheSameCapacity() {
		RateLimitDecision perMinute = new RateLimitDecision(false, "api", 100, 0, 40_000_000_000L, 600_000_000L,
				RateLimitDecision.Basis.BACKEND, 1);
		MockHttpServletResponse response = write(perMinute);
		assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"api-0\";q=100;w=1, \"api-1\";q=100;w=60");
		assertThat(response.getHeader("RateLimit")).isEqualTo("\"api-1\";r=0;t=40");
	}

	@Test
	void aFailOpenDecisionWritesNoCountsItDoesNotKnow() {
		RateLimitDecision failOpen = new RateLimitDecision(true, "api", 100, 0, 0, 0, RateLimitDecision.Basis.FAIL_OPEN);
		MockHttpServletResponse response = write(failOpen);
		assertThat(response.getHeaderNames()).isEmpty();
	}

	@Test
	void aFailClosedRefusalResetsWhenItSaysToRetry() {
		RateLimitDecision failClosed = new RateLimitDecision(false, "api", 100, 0, 5_000_000_000L, 5_000_000_000L,
				RateLimitDecision.Basis.FAIL_CLOSED);
		MockHttpServletResponse response = write(failClosed);
		assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(response.getHeader("X-RateLimit-Reset")).isEqualTo("5");
	}
}
