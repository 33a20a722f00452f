package dev.palisade.security.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Revoked access-token ids stay denied until their exp, in bounded memory, failing closed at the bound. */
class AccessTokenDenyListTest {

	private final MutableClock clock = MutableClock.startingNow();

	private final List<Instant> saturations = new ArrayList<>();

	private AccessTokenDenyList denyList(long maximumSize) {
		return new AccessTokenDenyList(this.clock, maximumSize, this.saturations::add);
	}

	@Test
	void deniedIdIsDeniedUntilItsTokenExpires() {
		AccessTokenDenyList list = denyList(100);
		list.deny("jti-1", this.clock.instant().plus(Duration.ofMinutes(15)));

		assertThat(list.isDenied("jti-1")).isTrue();
		assertThat(list.isDenied("jti-2")).isFalse();
		this.clock.advance(Duration.ofMinutes(15).minusMillis(1));
		assertThat(list.isDenied("jti-1")).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(list.isDenied("jti-1")).isFalse();
		assertThat(list.size()).isZero();
	}

	@Test
	void alreadyExpiredTokensAreNotRecorded() {
		AccessTokenDenyList list = denyList(100);
		list.deny("old", this.clock.instant());
		list.deny("older", this.clock.instant().minusSeconds(60));

		assertThat(list.size()).isZero();
		assertThat(list.isDenied("old")).isFalse();
	}

	@Test
	void denyingAgainKeepsTheLaterExpiry() {
		AccessTokenDenyList list = denyList(100);
		list.deny("jti", this.clock.instant().plus(Duration.ofMinutes(10)));
		list.deny("jti", this.clock.instant().plus(Duration.ofMinutes(5)));
		this.clock.advance(Duration.ofMinutes(7));

		assertThat(list.isDenied("jti")).isTrue();
	}

	@Test
	void nullIdIsNotDeniedUnlessSaturated() {
		assertThat(denyList(10).isDenied(null)).isFalse();
	}

	@Test
	void exceedingTheBoundFailsClosedUntilTheEvictedEntryWouldHaveExpired() {
		AccessTokenDenyList list = denyList(2);
		Instant exp = this.clock.instant().plus(Duration.ofMinutes(15));
		list.deny("a", exp);
		list.deny("b", exp);
		assertThat(list.isSaturated()).isFalse();

		list.deny("c", exp);

		assertThat(list.size()).isLessThanOrEqualTo(2);
		assertThat(list.isSaturated()).isTrue();
		assertThat(list.isDenied("a")).isTrue();
		assertThat(list.isDenied("b")).isTrue();
		assertThat(list.isDenied("c")).isTrue();
		assertThat(list.isDenied("never-denied")).isTrue();
		assertThat(this.saturations).isNotEmpty().last().isEqualTo(exp);

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(list.isSaturated()).isFalse();
		assertThat(list.isDenied("never-denied")).isFalse();
	}

	@Test
	void memoryIsBoundedByLiveEntriesOnly() {
		AccessTokenDenyList list = denyList(1_000);
		for (int i = 0; i < 5_000; i++) {
			list.deny("jti-" + i, this.clock.instant().plusSeconds(60));
			this.clock.advance(Duration.ofMillis(100));
		}

		// 599 live entries (ids 4401..4999); Caffeine's timer wheel may keep entries that expired within its ~1 s bucket
		// a little longer (never answering for them), so allow that slack but nowhere near the 5,000 denied.
		assertThat(list.isSaturated()).isFalse();
		assertThat(this.saturations).isEmpty();
		assertThat(list.size()).isBetween(599L, 620L);
	}

	@Test
	void sizeBoundMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> denyList(0));
	}
}
