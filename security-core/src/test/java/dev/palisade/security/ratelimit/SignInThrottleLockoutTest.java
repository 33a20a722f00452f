package dev.palisade.security.ratelimit;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.net.IpAddresses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker must not be able to lock a user out: backoff is per username and client address,
 * and the username-wide budget only makes failures costlier, it never refuses an address that has
 * not failed. Every scenario runs on a clock that moves only when the test says so.
 */
class SignInThrottleLockoutTest {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final InetAddress VICTIM = IpAddresses.parse("198.51.100.7");

	private final MutableClock clock = new MutableClock();

	/** The defaults: 3 free, 1 s doubling to 30 s, 10 failures per username plus 1 a minute, then 1 min. */
	private final SignInThrottle throttle = SignInThrottle.builder().clock(this.clock).build();

	private static InetAddress attacker(int n) {
		return IpAddresses.parse("203.0.113." + n);
	}

	/** Rotating addresses the budget has never seen, 100.64.x.y. */
	private static InetAddress fresh(int n) {
		return IpAddresses.parse("100.64." + (n / 250) + "." + (n % 250 + 1));
	}

	/** One guesser: one wrong password whenever allowed, honouring Retry-After. */
	private static final class Guesser {

		final InetAddress address;

		long nextMillis;

		int admitted;

		int requests;

		Guesser(InetAddress address) {
			this.address = address;
		}

		void tick(SignInThrottle throttle, long nowMillis) {
			if (nowMillis < this.nextMillis) {
				return;
			}
			this.requests++;
			SignInAttempt attempt = throttle.attempt("acme-dev", this.address);
			if (attempt.allowed()) {
				this.admitted++;
				attempt.failed();
				this.nextMillis = nowMillis + 100;
			}
			else {
				this.nextMillis = nowMillis + attempt.verdict().retryAfter().toMillis();
			}
		}
	}

	/**
	 * The reviewer's scenario for an hour, in 100 ms steps: the guessers fire one wrong password as
	 * soon as each block ends; the victim signs in from its own address every 5 s. Returns how many
	 * of the victim's 720 sign-ins succeeded.
	 */
	private int victimSuccessesDuringAttack(List<Guesser> guessers) {
		int successes = 0;
		for (long ms = 0; ms < HOUR.toMillis(); ms += 100) {
			for (Guesser guesser : guessers) {
				guesser.tick(this.throttle, ms);
			}
			if (ms % 5000 == 2500) {
				SignInAttempt victim = this.throttle.attempt("acme-dev", VICTIM);
				if (victim.allowed()) {
					victim.succeeded();
					successes++;
				}
			}
			this.clock.advance(Duration.ofMillis(100));
		}
		return successes;
	}

	@Test
	void oneAddressFiringWheneverTheBlockEndsNeverRefusesTheVictimsOwnAddress() {
		Guesser guesser = new Guesser(attacker(66));
		assertThat(victimSuccessesDuringAttack(List.of(guesser))).isEqualTo(720);
		// the guesser itself is still slowed: never more than one guess per 30 s after its free ones
		assertThat(guesser.admitted).isLessThanOrEqualTo(3 + 3600 / 30);
	}

	@Test
	void severalAddressesFiringWheneverTheirBlocksEndNeverRefuseTheVictimsOwnAddress() {
		List<Guesser> guessers = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			guessers.add(new Guesser(attacker(i)));
		}
		assertThat(victimSuccessesDuringAttack(guessers)).isEqualTo(720);
	}

	@Test
	void aVictimWhoMistypesDuringAnAttackWaitsAtMostTheOverBudgetDelay() {
		for (int i = 1; i <= 8; i++) {
			for (int tries = 0; tries < 4; tries++) {
				this.throttle.attempt("acme-dev", attacker(i)).failed();
			}
		}
		assertThat(this.throttle.isOverBudget("acme-dev")).isTrue();
		this.throttle.attempt("acme-dev", VICTIM).failed(); // one typo, while the attack goes on
		SignInAttempt refused = this.throttle.attempt("acme-dev", VICTIM);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.verdict().retryAfter()).isEqualTo(Duration.ofMinutes(1));
		// the attack keeps the username over budget the whole time
		this.clock.advance(Duration.ofSeconds(59));
		this.throttle.attempt("acme-dev", fresh(1)).failed();
		assertThat(this.throttle.isOverBudget("acme-dev")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		SignInAttempt retry = this.throttle.attempt("acme-dev", VICTIM);
		assertThat(retry.allowed()).isTrue();
		retry.succeeded();
		assertThat(this.throttle.failureCount("acme-dev", VICTIM)).isZero();
	}

	@Test
	void overBudgetEveryAddressGetsOneGuessAndThenWaitsTheOverBudgetDelay() {
		int admitted = 0;
		List<Integer> admittedPerAddress = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			int thisAddress = 0;
			for (int tries = 0; tries < 10; tries++) { // the clock stands still
				SignInAttempt attempt = this.throttle.attempt("acme-dev", fresh(i));
				if (attempt.allowed()) {
					thisAddress++;
					attempt.failed();
				}
				else {
					assertThat(attempt.verdict().retryAfter()).isLessThanOrEqualTo(Duration.ofMinutes(1));
				}
			}
			admitted += thisAddress;
			admittedPerAddress.add(thisAddress);
		}
		// 4 + 4 + 2 within the budget of 10 (the 11th failure overall is over budget), then one each
		assertThat(admittedPerAddress.subList(0, 3)).containsExactly(4, 4, 3);
		assertThat(admittedPerAddress.subList(3, 100)).containsOnly(1);
		assertThat(admitted).isEqualTo(108);
		assertThat(this.throttle.blockedFor("acme-dev", fresh(99))).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void twentyAddressesForAnHourAreHeldToTheBudgetWhileTheVictimKeepsAccess() {
		List<Guesser> guessers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			guessers.add(new Guesser(fresh(i)));
		}
		assertThat(victimSuccessesDuringAttack(guessers)).isEqualTo(720);
		int admitted = guessers.stream().mapToInt((guesser) -> guesser.admitted).sum();
		// per-address backoff alone would allow each about 3 + 5 + 119 guesses an hour (2,540 in all);
		// the budget allows 10 + 60 failures an hour on the ordinary rules, and over it each address
		// gets one guess a minute
		assertThat(admitted).isLessThanOrEqualTo(10 + 60 + 20 * 61);
	}

	@Test
	void theBudgetRecoversOneRefillAfterTheLastFailure() {
		for (int i = 0; i < 30; i++) {
			this.throttle.attempt("acme-dev", fresh(i)).failed();
		}
		assertThat(this.throttle.isOverBudget("acme-dev")).isTrue();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.throttle.isOverBudget("acme-dev")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isOverBudget("acme-dev")).isFalse();
		// a new address is back on the ordinary rules: its failures start no block at once
		this.throttle.attempt("acme-dev", fresh(100)).failed();
		assertThat(this.throttle.blockedFor("acme-dev", fresh(100))).isZero();
	}

	@Test
	void successesClearOnlyTheirOwnAddressAndSpendNoBudget() {
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt("acme-dev", attacker(1)).failed();
		}
		assertThat(this.throttle.attempt("acme-dev", attacker(1)).allowed()).isFalse();
		for (int i = 0; i < 50; i++) {
			this.throttle.attempt("acme-dev", fresh(i)).succeeded();
		}
		this.throttle.attempt("acme-dev", VICTIM).succeeded();
		assertThat(this.throttle.attempt("acme-dev", attacker(1)).allowed()).isFalse();
		assertThat(this.throttle.failureCount("acme-dev", attacker(1))).isEqualTo(4);
		assertThat(this.throttle.isOverBudget("acme-dev")).isFalse();
		this.throttle.attempt("acme-dev", VICTIM).failed();
		assertThat(this.throttle.blockedFor("acme-dev", VICTIM)).isZero();
	}

	@Test
	void theRealUsersSignInsDoNotPayOffAGuessersDebt() {
		for (int i = 0; i < 30; i++) {
			this.throttle.attempt("acme-dev", fresh(i)).failed();
		}
		for (int i = 0; i < 50; i++) {
			this.throttle.attempt("acme-dev", VICTIM).succeeded();
		}
		assertThat(this.throttle.isOverBudget("acme-dev")).isTrue();
		this.throttle.attempt("acme-dev", fresh(100)).failed();
		assertThat(this.throttle.blockedFor("acme-dev", fresh(100))).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void ipv6AddressesShareABackoffPerSlash64() {
		for (int i = 0; i < 4; i++) {
			this.throttle.attempt("acme-dev", IpAddresses.parse("2001:db8:0:1::" + (i + 1))).failed();
		}
		assertThat(this.throttle.attempt("acme-dev", IpAddresses.parse("2001:db8:0:1:ffff::9")).allowed()).isFalse();
		assertThat(this.throttle.attempt("acme-dev", IpAddresses.parse("2001:db8:0:2::1")).allowed()).isTrue();
	}

	@Test
	void memoryIsBoundedForAddressesAndUsernames() {
		SignInThrottle small = SignInThrottle.builder().maximumUsernames(10).clock(this.clock).build();
		for (int i = 0; i < 1000; i++) {
			small.attempt("acme-dev", fresh(i)).failed();
			small.attempt("user" + i, VICTIM).failed();
		}
		int tracked = 0;
		for (int i = 0; i < 1000; i++) {
			tracked += (small.failureCount("acme-dev", fresh(i)) > 0) ? 1 : 0;
			tracked += (small.failureCount("user" + i, VICTIM) > 0) ? 1 : 0;
		}
		assertThat(tracked).isLessThanOrEqualTo(10);
		assertThat(small.trackedUsernames()).isLessThanOrEqualTo(10);
	}
}
