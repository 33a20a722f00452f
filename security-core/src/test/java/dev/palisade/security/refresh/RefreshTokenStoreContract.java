package dev.palisade.security.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link RefreshTokenStore} must show, exercised through {@link RefreshTokenService}.
 * Subclasses hand out a store on a real backend with no families in it.
 */
public abstract class RefreshTokenStoreContract {

	protected MutableClock clock;

	protected RecordingListener listener;

	protected RefreshTokenStore store;

	protected RefreshTokenService service;

	/** A store on the backend under test, emptied of earlier tests' data. */
	protected abstract RefreshTokenStore createStore() throws Exception;

	@BeforeEach
	void setUpService() throws Exception {
		this.clock = MutableClock.startingNow();
		this.listener = new RecordingListener();
		this.store = createStore();
		this.service = newService(this.store);
	}

	protected RefreshTokenService newService(RefreshTokenStore store) {
		return new RefreshTokenService(store, RefreshTokenPolicy.defaults(), this.clock, this.listener);
	}

	protected static RefreshGrant grant(String subject) {
		return new RefreshGrant(subject, "acme", "rockets", Map.of("kind", "user", "roles", "org:admin project:viewer"));
	}

	@Test
	protected void issuedTokenRotatesIntoANewTokenOfTheSameFamily() {
		IssuedRefreshToken first = this.service.issue(grant("alice"));

		RotationResult.Rotated rotated = this.service.rotate(first.token()).orElseThrow();

		assertThat(rotated.token().token()).startsWith("palrt_").isNotEqualTo(first.token());
		assertThat(rotated.token().familyId()).isEqualTo(first.familyId());
		assertThat(rotated.grant()).isEqualTo(grant("alice"));
		assertThat(this.service.rotate(rotated.token().token()).isRotated()).isTrue();
	}

	@Test
	protected void grantSurvivesTheStoreIncludingAwkwardCharacters() {
		RefreshGrant awkward = new RefreshGrant("bob@example.com", "org 1", null,
				Map.of("a=b&c", "x%y z", "unicode", "Grüße ✓", "empty", ""));
		IssuedRefreshToken issued = this.service.issue(awkward);

		assertThat(this.service.rotate(issued.token()).orElseThrow().grant()).isEqualTo(awkward);
		assertThat(this.service.findFamily(issued.familyId())).get()
			.satisfies((family) -> assertThat(family.grant()).isEqualTo(awkward));
	}

	@Test
	protected void reusingARotatedTokenRevokesTheFamilyAndKillsTheNewestToken() {
		IssuedRefreshToken first = this.service.issue(grant("alice"));
		IssuedRefreshToken second = this.service.rotate(first.token()).orElseThrow().token();

		RotationResult replay = this.service.rotate(first.token());

		assertThat(replay).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
		assertThat(this.listener.reused).extracting(RefreshFamily::familyId).containsExactly(first.familyId());
		assertThat(this.service.findFamily(first.familyId())).get()
			.extracting(RefreshFamily::state)
			.isEqualTo(FamilyState.REVOKED);
		assertThat(this.service.rotate(second.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
	}

	@Test
	protected void aTokenSeveralRotationsOldStillRevokesTheFamily() {
		IssuedRefreshToken first = this.service.issue(grant("alice"));
		IssuedRefreshToken second = this.service.rotate(first.token()).orElseThrow().token();
		IssuedRefreshToken third = this.service.rotate(second.token()).orElseThrow().token();

		assertThat(this.service.rotate(first.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
		assertThat(this.service.rotate(third.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
	}

	@Test
	protected void aForgedSecretBehindARealFamilyHandleRevokesTheFamily() {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		IssuedRefreshToken other = this.service.issue(grant("alice"));

		// whoever holds a family's handle has seen one of its tokens: treated as the replay it is
		assertThat(this.service.rotate(withNewSecret(issued.token())))
			.isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
		assertThat(this.listener.reused).extracting(RefreshFamily::familyId).containsExactly(issued.familyId());
		assertThat(this.service.rotate(issued.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
		assertThat(this.service.rotate(other.token()).isRotated()).isTrue();
	}

	@Test
	protected void aWellFormedTokenWithAnUnknownHandleIsUnknown() {
		byte[] bytes = new byte[48];
		new java.security.SecureRandom().nextBytes(bytes);
		String neverIssued = "palrt_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

		assertThat(this.service.rotate(neverIssued)).isEqualTo(new RotationResult.Rejected(RotationFailure.UNKNOWN));
		assertThat(this.service.revokeToken(neverIssued)).isFalse();
	}

	/** The token with its handle kept and its 32 secret bytes replaced. */
	protected static String withNewSecret(String token) {
		byte[] bytes = java.util.Base64.getUrlDecoder().decode(token.substring("palrt_".length()));
		byte[] secret = new byte[32];
		new java.security.SecureRandom().nextBytes(secret);
		System.arraycopy(secret, 0, bytes, 16, 32);
		return "palrt_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Test
	protected void concurrentRefreshesWithOneTokenHaveExactlyOneWinner() throws Exception {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		int threads = 16;
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<RotationResult>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit((Callable<RotationResult>) () -> {
					ready.countDown();
					start.await();
					return this.service.rotate(issued.token());
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			List<RotationResult> results = new ArrayList<>();
			for (Future<RotationResult> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}

			assertThat(results).filteredOn(RotationResult::isRotated).hasSize(1);
			assertThat(results).filteredOn((r) -> !r.isRotated())
				.hasSize(threads - 1)
				.allSatisfy((r) -> assertThat(r).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED)));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	protected void familyExpiresWhenIdleLongerThanTheIdleTimeout() {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		this.clock.advance(Duration.ofDays(7));

		assertThat(this.service.rotate(issued.token()))
			.isEqualTo(new RotationResult.Rejected(RotationFailure.EXPIRED_IDLE));
	}

	@Test
	protected void eachRotationRestartsTheIdleTimeout() {
		IssuedRefreshToken token = this.service.issue(grant("alice"));
		this.clock.advance(Duration.ofDays(6));
		token = this.service.rotate(token.token()).orElseThrow().token();
		this.clock.advance(Duration.ofDays(6));

		assertThat(this.service.rotate(token.token()).isRotated()).isTrue();
	}

	@Test
	protected void familyExpiresAtItsAbsoluteLifetimeHoweverOftenItIsUsed() {
		IssuedRefreshToken token = this.service.issue(grant("alice"));
		for (int day = 6; day <= 24; day += 6) {
			this.clock.advance(Duration.ofDays(6));
			token = this.service.rotate(token.token()).orElseThrow().token();
		}
		assertThat(token.expiresAt()).isEqualTo(token.absoluteExpiresAt());
		this.clock.advance(Duration.ofDays(6));

		assertThat(this.service.rotate(token.token()))
			.isEqualTo(new RotationResult.Rejected(RotationFailure.EXPIRED_ABSOLUTE));
	}

	@Test
	protected void unknownWellFormedTokenIsRejected() {
		String neverIssued = "palrt_" + "A".repeat(42) + "A";

		assertThat(this.service.rotate(neverIssued)).isEqualTo(new RotationResult.Rejected(RotationFailure.UNKNOWN));
	}

	@Test
	protected void revokingATokenRevokesItsFamily() {
		IssuedRefreshToken first = this.service.issue(grant("alice"));
		IssuedRefreshToken second = this.service.rotate(first.token()).orElseThrow().token();

		assertThat(this.service.revokeToken(second.token())).isTrue();
		assertThat(this.service.revokeToken(second.token())).isFalse();
		assertThat(this.service.rotate(second.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
		assertThat(this.listener.revoked).extracting(RefreshFamily::familyId).containsExactly(first.familyId());
	}

	@Test
	protected void revokingUnknownOrMalformedTokensIsAQuietNoOp() {
		assertThat(this.service.revokeToken("palrt_" + "B".repeat(43))).isFalse();
		assertThat(this.service.revokeToken("garbage")).isFalse();
		assertThat(this.service.revokeToken(null)).isFalse();
	}

	@Test
	protected void revokingAFamilyById() {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		IssuedRefreshToken other = this.service.issue(grant("alice"));

		assertThat(this.service.revokeFamily(issued.familyId())).isTrue();
		assertThat(this.service.revokeFamily(issued.familyId())).isFalse();
		assertThat(this.service.revokeFamily("no-such-family")).isFalse();
		assertThat(this.service.rotate(issued.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
		assertThat(this.service.rotate(other.token()).isRotated()).isTrue();
		assertThat(this.service.findFamily(issued.familyId()).orElseThrow().revokedAt()).isEqualTo(this.clock.instant());
	}

	@Test
	protected void signOutEverywhereRevokesEveryFamilyOfTheSubjectOnly() {
		List<IssuedRefreshToken> alice = List.of(this.service.issue(grant("alice")), this.service.issue(grant("alice")),
				this.service.issue(grant("alice")));
		IssuedRefreshToken bob = this.service.issue(grant("bob"));

		assertThat(this.service.revokeAllForSubject("alice")).isEqualTo(3);
		assertThat(this.service.revokeAllForSubject("alice")).isZero();

		for (IssuedRefreshToken token : alice) {
			assertThat(this.service.rotate(token.token()))
				.isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
		}
		assertThat(this.service.rotate(bob.token()).isRotated()).isTrue();
		assertThat(this.listener.revoked).hasSize(3);
	}

	@Test
	protected void sweepRemovesExpiredFamiliesOnly() {
		IssuedRefreshToken expired = this.service.issue(grant("alice"));
		IssuedRefreshToken alsoExpired = this.service.issue(grant("carol"));
		this.clock.advance(Duration.ofDays(5));
		IssuedRefreshToken fresh = this.service.issue(grant("bob"));
		IssuedRefreshToken kept = this.service.rotate(this.service.issue(grant("dave")).token()).orElseThrow().token();
		this.clock.advance(Duration.ofDays(2));

		assertThat(this.service.sweepExpired(1)).isEqualTo(2);

		assertThat(this.service.findFamily(expired.familyId())).isEmpty();
		assertThat(this.service.findFamily(alsoExpired.familyId())).isEmpty();
		assertThat(this.service.rotate(expired.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.UNKNOWN));
		assertThat(this.service.findFamily(fresh.familyId())).isPresent();
		assertThat(this.service.rotate(fresh.token()).isRotated()).isTrue();
		assertThat(this.service.rotate(kept.token()).isRotated()).isTrue();
		assertThat(this.service.sweepExpired(10)).isZero();
	}

	@Test
	protected void aFamilyRotatedAfterItsFirstIdleBoundIsSweptOnlyWhenItReallyExpires() {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		this.clock.advance(Duration.ofDays(6));
		IssuedRefreshToken rotated = this.service.rotate(issued.token()).orElseThrow().token();
		this.clock.advance(Duration.ofDays(2)); // past the idle expiry it had when issued

		assertThat(this.service.sweepExpired(10)).isZero();
		assertThat(this.service.sweepExpired(10)).isZero();
		rotated = this.service.rotate(rotated.token()).orElseThrow().token();
		this.clock.advance(Duration.ofDays(7));

		assertThat(this.service.sweepExpired(10)).isEqualTo(1);
		assertThat(this.service.findFamily(issued.familyId())).isEmpty();
		assertThat(this.service.rotate(rotated.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.UNKNOWN));
	}

	/** Records listener calls. */
	protected static final class RecordingListener implements RefreshTokenListener {

		final List<RefreshFamily> reused = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<RefreshFamily> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void onReuseDetected(RefreshFamily family) {
			this.reused.add(family);
		}

		@Override
		public void onRevoked(RefreshFamily family) {
			this.revoked.add(family);
		}
	}
}
