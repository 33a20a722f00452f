package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What every writable {@link ApiKeyStore} must do; subclasses supply a fresh, empty store. */
public abstract class ApiKeyStoreContract {

	/** A store with no keys in it. */
	protected abstract ApiKeyStore emptyStore();

	private static ApiKeyRecord full(String org, Instant createdAt) {
		ApiKeyRecord base = ApiKeyTestData.record(org, createdAt);
		return new ApiKeyRecord(base.id(), "nightly — export", "svc-export", PrincipalKind.SERVICE, org, "proj-1",
				Set.of("agents:read", "agents:runs:*", "*"), base.hash(), base.hint(), createdAt,
				createdAt.plusSeconds(3600), createdAt.plusSeconds(1), null, null, "previousKeyId123456789", "pro");
	}

	@Test
	public void savedRecordIsFoundWithEveryField() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord record = full("acme", Instant.parse("2026-01-01T10:00:00.123456Z"));
		store.save(record);
		assertThat(store.findById(record.id())).contains(record);
	}

	@Test
	public void recordWithOptionalFieldsEmptyRoundTrips() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord base = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		ApiKeyRecord record = new ApiKeyRecord(base.id(), "n", "u", PrincipalKind.USER, "acme", null, Set.of(),
				base.hash(), base.hint(), ApiKeyTestData.T0, null, null, null, null, null);
		store.save(record);
		assertThat(store.findById(record.id())).contains(record);
	}

	@Test
	public void unknownIdIsEmpty() {
		assertThat(emptyStore().findById("doesNotExist")).isEmpty();
	}

	@Test
	public void duplicateIdIsRefused() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord record = full("acme", ApiKeyTestData.T0);
		store.save(record);
		assertThatExceptionOfType(ApiKeyStoreException.class).isThrownBy(() -> store.save(record));
	}

	@Test
	public void revokeSetsTheTimeOnceAndReportsUnknownIds() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord record = full("acme", ApiKeyTestData.T0);
		store.save(record);
		assertThat(store.revoke(record.id(), ApiKeyTestData.T0.plusSeconds(10))).isTrue();
		assertThat(store.revoke(record.id(), ApiKeyTestData.T0.plusSeconds(20))).isTrue();
		assertThat(store.findById(record.id()).orElseThrow().revokedAt()).isEqualTo(ApiKeyTestData.T0.plusSeconds(10));
		assertThat(store.revoke("doesNotExist", ApiKeyTestData.T0)).isFalse();
	}

	@Test
	public void lastUsedBatchOnlyMovesForwardAndIgnoresUnknownIds() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord a = full("acme", ApiKeyTestData.T0);
		ApiKeyRecord b = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		store.save(a);
		store.save(b);
		store.updateLastUsed(Map.of(a.id(), ApiKeyTestData.T0.plusSeconds(30), b.id(),
				ApiKeyTestData.T0.plusSeconds(40), "doesNotExist", ApiKeyTestData.T0));
		store.updateLastUsed(Map.of(a.id(), ApiKeyTestData.T0.plusSeconds(20)));
		store.updateLastUsed(Map.of());
		assertThat(store.findById(a.id()).orElseThrow().lastUsedAt()).isEqualTo(ApiKeyTestData.T0.plusSeconds(30));
		assertThat(store.findById(b.id()).orElseThrow().lastUsedAt()).isEqualTo(ApiKeyTestData.T0.plusSeconds(40));
		assertThat(store.findById("doesNotExist")).isEmpty();
	}

	@Test
	public void listByOrgReturnsOnlyThatOrgNewestFirst() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord older = full("acme", ApiKeyTestData.T0);
		ApiKeyRecord newer = full("acme", ApiKeyTestData.T0.plusSeconds(60));
		ApiKeyRecord other = full("globex", ApiKeyTestData.T0);
		store.save(older);
		store.save(newer);
		store.save(other);
		List<ApiKeyRecord> listed = store.listByOrg("acme");
		assertThat(listed).extracting(ApiKeyRecord::id).containsExactly(newer.id(), older.id());
		assertThat(store.listByOrg("nobody")).isEmpty();
	}

	@Test
	public void keysFromTheStoreVerifyEndToEnd() {
		ApiKeyStore store = emptyStore();
		MutableClock clock = new MutableClock(ApiKeyTestData.T0);
		ApiKeyFormat format = new ApiKeyFormat();
		ApiKeyHasher hasher = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));
		ApiKeyVerifier verifier = ApiKeyVerifier.builder(format, hasher, store).clock(clock).build();
		ApiKeyService service = ApiKeyService.builder(format, hasher, store).clock(clock).verifier(verifier).build();
		GeneratedApiKey key = service.create(new ApiKeyCreateRequest("k", "user-1", PrincipalKind.USER, "acme", null,
				Set.of("agents:read"), null), Set.of("*"));
		assertThat(verifier.verify(key.plaintext()).isValid()).isTrue();
		GeneratedApiKey rotated = service.rotate(key.keyId(), java.time.Duration.ofMinutes(5), Set.of("*"));
		clock.advance(java.time.Duration.ofMinutes(5));
		assertThat(verifier.verify(key.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		assertThat(verifier.verify(rotated.plaintext()).isValid()).isTrue();
		service.revoke(rotated.keyId());
		assertThat(verifier.verify(rotated.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		assertThat(service.list("acme")).extracting(ApiKeySummary::status)
			.containsOnly(ApiKeyOutcome.REVOKED);
	}

	@Test
	public void exactlyOneOfManyConcurrentRotationClaimsWins() throws Exception {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord record = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		store.save(record);
		int threads = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Boolean>> claims = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				Instant graceUntil = ApiKeyTestData.T0.plusSeconds(100 + i);
				claims.add(pool.submit(() -> {
					start.await();
					return store.claimForRotation(record.id(), graceUntil, ApiKeyTestData.T0);
				}));
			}
			start.countDown();
			int won = 0;
			Instant winnersGrace = null;
			for (int i = 0; i < threads; i++) {
				if (claims.get(i).get()) {
					won++;
					winnersGrace = ApiKeyTestData.T0.plusSeconds(100 + i);
				}
			}
			assertThat(won).isOne();
			assertThat(store.findById(record.id()).orElseThrow().graceUntil()).isEqualTo(winnersGrace);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	public void onlyAUsableUnrotatedKeyCanBeClaimedForRotation() {
		ApiKeyStore store = emptyStore();
		Instant now = ApiKeyTestData.T0.plusSeconds(10);
		Instant grace = now.plusSeconds(60);
		ApiKeyRecord revoked = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		ApiKeyRecord rotated = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		ApiKeyRecord expired = full("acme", ApiKeyTestData.T0.minusSeconds(3600)); // expires at T0
		store.save(revoked);
		store.save(rotated);
		store.save(expired);
		store.revoke(revoked.id(), ApiKeyTestData.T0);
		assertThat(store.claimForRotation(rotated.id(), grace, now)).isTrue();
		assertThat(store.claimForRotation(revoked.id(), grace, now)).isFalse();
		assertThat(store.claimForRotation(rotated.id(), grace.plusSeconds(1), now)).isFalse();
		assertThat(store.claimForRotation(expired.id(), grace, now)).isFalse();
		assertThat(store.claimForRotation("doesNotExist", grace, now)).isFalse();
		assertThat(store.findById(revoked.id()).orElseThrow().graceUntil()).isNull();
		assertThat(store.findById(rotated.id()).orElseThrow().graceUntil()).isEqualTo(grace);
		assertThat(store.findById(expired.id()).orElseThrow().graceUntil()).isNull();
	}

	@Test
	public void releasingAClaimUndoesOnlyThatClaimAndKeepsARevocation() {
		ApiKeyStore store = emptyStore();
		ApiKeyRecord record = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		store.save(record);
		Instant grace = ApiKeyTestData.T0.plusSeconds(60);
		assertThat(store.claimForRotation(record.id(), grace, ApiKeyTestData.T0)).isTrue();
		assertThat(store.releaseRotationClaim(record.id(), grace.plusSeconds(1))).isFalse();
		assertThat(store.findById(record.id()).orElseThrow().graceUntil()).isEqualTo(grace);
		store.revoke(record.id(), ApiKeyTestData.T0);
		assertThat(store.releaseRotationClaim(record.id(), grace)).isTrue();
		ApiKeyRecord released = store.findById(record.id()).orElseThrow();
		assertThat(released.graceUntil()).isNull();
		assertThat(released.revokedAt()).isEqualTo(ApiKeyTestData.T0);
		assertThat(store.claimForRotation(record.id(), grace, ApiKeyTestData.T0)).isFalse();
		assertThat(store.releaseRotationClaim("doesNotExist", grace)).isFalse();
	}

}
