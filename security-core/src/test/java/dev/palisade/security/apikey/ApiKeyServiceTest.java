package dev.palisade.security.apikey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiKeyServiceTest {

	private static final Set<String> ADMIN = Set.of("agents:*", "billing:read");

	private final ApiKeyFormat format = new ApiKeyFormat();

	private final ApiKeyHasher hasher = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));

	private final MutableClock clock = new MutableClock(ApiKeyTestData.T0);

	private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

	private final ApiKeyVerifier verifier = ApiKeyVerifier.builder(this.format, this.hasher, this.store)
		.clock(this.clock)
		.cacheTicker(this.clock::nanos)
		.build();

	private final ApiKeyService service = ApiKeyService.builder(this.format, this.hasher, this.store)
		.clock(this.clock)
		.defaultTtl(Duration.ofDays(90))
		.defaultGracePeriod(Duration.ofHours(1))
		.verifier(this.verifier)
		.build();

	private static ApiKeyCreateRequest request(Set<String> scopes) {
		return new ApiKeyCreateRequest("ci deploy", "user-1", PrincipalKind.USER, "acme", "web", scopes, null);
	}

	@Test
	void createdKeyVerifiesAndIsStoredOnlyAsAHash() {
		GeneratedApiKey key = this.service.create(request(Set.of("agents:read")), ADMIN);
		assertThat(this.verifier.verify(key.plaintext()).isValid()).isTrue();
		ApiKeyRecord stored = this.store.findById(key.keyId()).orElseThrow();
		assertThat(stored.hash()).isEqualTo(this.hasher.hash(key.plaintext()));
		assertThat(stored.toString()).doesNotContain(key.plaintext()).doesNotContain(stored.hash().toBase64());
		assertThat(stored.createdAt()).isEqualTo(ApiKeyTestData.T0);
	}

	@Test
	void aKeyCarriesItsPlanThroughVerificationAndRotation() {
		GeneratedApiKey key = this.service.create(new ApiKeyCreateRequest("ci deploy", "user-1", PrincipalKind.USER,
				"acme", "web", Set.of("agents:read"), null, "pro"), ADMIN);
		assertThat(this.verifier.verify(key.plaintext()).plan()).isEqualTo("pro");
		GeneratedApiKey successor = this.service.rotate(key.keyId(), Duration.ZERO, ADMIN);
		assertThat(this.verifier.verify(successor.plaintext()).plan()).isEqualTo("pro");
		GeneratedApiKey planless = this.service.create(request(Set.of("agents:read")), ADMIN);
		assertThat(this.verifier.verify(planless.plaintext()).plan()).isNull();
		assertThatExceptionOfType(InvalidApiKeyRequestException.class)
			.isThrownBy(() -> this.service.create(new ApiKeyCreateRequest("n", "user-1", PrincipalKind.USER, "acme",
					null, Set.of(), null, "pro plan"), ADMIN));
	}

	@Test
	void scopeEscalationIsRefused() {
		assertThatExceptionOfType(ScopeEscalationException.class)
			.isThrownBy(() -> this.service.create(request(Set.of("agents:read", "billing:write", "*")), ADMIN))
			.satisfies((ex) -> assertThat(ex.refusedScopes()).containsExactlyInAnyOrder("billing:write", "*"));
		assertThat(this.store.listByOrg("acme")).isEmpty();
	}

	@Test
	void wildcardScopeIsRefusedToACreatorHoldingOnlyNarrowPermissions() {
		assertThatExceptionOfType(ScopeEscalationException.class)
			.isThrownBy(() -> this.service.create(request(Set.of("billing:*")), ADMIN));
	}

	@Test
	void scopesWithinTheCreatorsWildcardAreGranted() {
		GeneratedApiKey key = this.service.create(request(Set.of("agents:read", "agents:runs:write")), ADMIN);
		assertThat(this.verifier.verify(key.plaintext()).scopes()).containsExactlyInAnyOrder("agents:read",
				"agents:runs:write");
	}

	@Test
	void invalidRequestsAreCleanExceptions() {
		assertThatExceptionOfType(InvalidApiKeyRequestException.class).isThrownBy(() -> this.service.create(
				new ApiKeyCreateRequest(" ", "user-1", PrincipalKind.USER, "acme", null, Set.of(), null), ADMIN));
		assertThatExceptionOfType(InvalidApiKeyRequestException.class).isThrownBy(() -> this.service.create(
				new ApiKeyCreateRequest("n", "user-1", PrincipalKind.API_KEY, "acme", null, Set.of(), null), ADMIN));
		assertThatExceptionOfType(InvalidApiKeyRequestException.class).isThrownBy(() -> this.service
			.create(new ApiKeyCreateRequest("n", "user-1", PrincipalKind.USER, null, null, Set.of(), null), ADMIN));
		assertThatExceptionOfType(InvalidApiKeyRequestException.class).isThrownBy(
				() -> this.service.create(request(Set.of("agents read")), Set.of("*")));
		assertThatExceptionOfType(InvalidApiKeyRequestException.class)
			.isThrownBy(() -> new ApiKeyCreateRequest("n", "u", PrincipalKind.USER, "acme", null, Set.of(),
					Duration.ofSeconds(-1)));
	}

	@Test
	void defaultExpiryComesFromConfigurationAndARequestMayShortenIt() {
		GeneratedApiKey byDefault = this.service.create(request(Set.of()), ADMIN);
		assertThat(byDefault.summary().expiresAt()).isEqualTo(ApiKeyTestData.T0.plus(Duration.ofDays(90)));
		GeneratedApiKey shortLived = this.service.create(new ApiKeyCreateRequest("tmp", "user-1", PrincipalKind.USER,
				"acme", null, Set.of(), Duration.ofMinutes(10)), ADMIN);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.verifier.verify(shortLived.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.EXPIRED);
		assertThat(this.verifier.verify(byDefault.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
	}

	@Test
	void withoutDefaultTtlKeysNeverExpire() {
		ApiKeyService noTtl = ApiKeyService.builder(this.format, this.hasher, this.store).clock(this.clock).build();
		GeneratedApiKey key = noTtl.create(request(Set.of()), ADMIN);
		assertThat(key.summary().expiresAt()).isNull();
		this.clock.advance(Duration.ofDays(3650));
		assertThat(this.verifier.verify(key.plaintext()).isValid()).isTrue();
	}

	@Test
	void listIsMaskedAndNeverShowsSecretOrHash() {
		GeneratedApiKey key = this.service.create(request(Set.of("agents:read")), ADMIN);
		List<ApiKeySummary> listed = this.service.list("acme");
		assertThat(listed).hasSize(1);
		ApiKeySummary summary = listed.get(0);
		String plain = key.plaintext();
		assertThat(summary.maskedKey()).isEqualTo("pal_..." + plain.substring(plain.length() - 4));
		String secret = plain.split("_")[2];
		String hashBase64 = this.store.findById(key.keyId()).orElseThrow().hash().toBase64();
		assertThat(summary.toString()).doesNotContain(secret).doesNotContain(hashBase64);
		assertThat(summary.status()).isEqualTo(ApiKeyOutcome.VALID);
		assertThat(this.service.list("other-org")).isEmpty();
	}

	@Test
	void generatedKeyToStringIsMasked() {
		GeneratedApiKey key = this.service.create(request(Set.of()), ADMIN);
		assertThat(key.toString()).contains(key.keyId()).doesNotContain(key.plaintext().split("_")[2]);
	}

	@Test
	void revocationTakesEffectOnThisNodeAtOnceEvenWhenCached() {
		GeneratedApiKey key = this.service.create(request(Set.of()), ADMIN);
		assertThat(this.verifier.verify(key.plaintext()).isValid()).isTrue();
		assertThat(this.verifier.cachedKeyCount()).isOne();
		this.service.revoke(key.keyId());
		assertThat(this.verifier.verify(key.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		assertThat(this.service.find(key.keyId()).orElseThrow().revokedAt()).isEqualTo(ApiKeyTestData.T0);
	}

	@Test
	void anAuditRefusalReachesTheCallerButABrokenMetricsListenerDoesNot() {
		ApiKeyService audited = ApiKeyService.builder(this.format, this.hasher, this.store)
			.clock(this.clock)
			.verifier(this.verifier)
			.listener(new ApiKeyListener() {
				@Override
				public void onCreated(ApiKeySummary key) {
					throw new dev.palisade.security.audit.AuditWriteException("audit log has failed", null);
				}

				@Override
				public void onRevoked(ApiKeySummary key) {
					throw new IllegalStateException("metrics backend down");
				}
			})
			.build();
		// fail closed like every recorder: the web layer answers 503, not a silent success
		assertThatExceptionOfType(dev.palisade.security.audit.AuditWriteException.class)
			.isThrownBy(() -> audited.create(request(Set.of()), ADMIN));
		String keyId = this.store.listByOrg("acme").get(0).id();
		// the revocation took effect and a listener that is not the audit log cannot undo it
		audited.revoke(keyId);
		assertThat(audited.find(keyId).orElseThrow().revokedAt()).isNotNull();
	}

	@Test
	void revokingAnUnknownKeyIsNotFound() {
		assertThatExceptionOfType(ApiKeyNotFoundException.class).isThrownBy(() -> this.service.revoke("nope"));
	}

	@Test
	void rotationKeepsTheOldKeyValidForTheGracePeriodThenKillsIt() {
		GeneratedApiKey old = this.service.create(request(Set.of("agents:read")), ADMIN);
		this.verifier.verify(old.plaintext()); // cached
		this.clock.advance(Duration.ofDays(1));
		GeneratedApiKey replacement = this.service.rotate(old.keyId(), Duration.ofHours(2), ADMIN);

		assertThat(replacement.keyId()).isNotEqualTo(old.keyId());
		assertThat(replacement.summary().rotatedFrom()).isEqualTo(old.keyId());
		assertThat(replacement.summary().scopes()).isEqualTo(old.summary().scopes());
		assertThat(replacement.summary().ownerSubject()).isEqualTo("user-1");
		assertThat(replacement.summary().project()).isEqualTo("web");
		assertThat(replacement.summary().expiresAt())
			.isEqualTo(ApiKeyTestData.T0.plus(Duration.ofDays(1)).plus(Duration.ofDays(90)));
		assertThat(this.verifier.verify(replacement.plaintext()).isValid()).isTrue();

		this.clock.advance(Duration.ofHours(2).minusSeconds(1));
		assertThat(this.verifier.verify(old.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.verifier.verify(old.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		assertThat(this.verifier.verify(replacement.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
	}

	@Test
	void rotationWithoutGraceKillsTheOldKeyAtOnce() {
		GeneratedApiKey old = this.service.create(request(Set.of()), ADMIN);
		this.verifier.verify(old.plaintext());
		this.service.rotate(old.keyId(), Duration.ZERO, ADMIN);
		assertThat(this.verifier.verify(old.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
	}

	@Test
	void rotationUsesTheConfiguredDefaultGracePeriod() {
		GeneratedApiKey old = this.service.create(request(Set.of()), ADMIN);
		this.service.rotate(old.keyId(), ADMIN);
		assertThat(this.service.find(old.keyId()).orElseThrow().graceUntil())
			.isEqualTo(ApiKeyTestData.T0.plus(Duration.ofHours(1)));
	}

	@Test
	void revokingAKeyDuringItsGracePeriodKillsItAtOnce() {
		GeneratedApiKey old = this.service.create(request(Set.of()), ADMIN);
		this.service.rotate(old.keyId(), Duration.ofHours(2), ADMIN);
		this.service.revoke(old.keyId());
		assertThat(this.verifier.verify(old.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
	}

	@Test
	void revokedExpiredOrAlreadyRotatedKeysCannotBeRotated() {
		GeneratedApiKey revoked = this.service.create(request(Set.of()), ADMIN);
		this.service.revoke(revoked.keyId());
		assertThatExceptionOfType(InvalidApiKeyRequestException.class)
			.isThrownBy(() -> this.service.rotate(revoked.keyId(), ADMIN));

		GeneratedApiKey rotated = this.service.create(request(Set.of()), ADMIN);
		this.service.rotate(rotated.keyId(), ADMIN);
		assertThatExceptionOfType(InvalidApiKeyRequestException.class)
			.isThrownBy(() -> this.service.rotate(rotated.keyId(), ADMIN));

		GeneratedApiKey expiring = this.service.create(new ApiKeyCreateRequest("tmp", "user-1", PrincipalKind.USER,
				"acme", null, Set.of(), Duration.ofMinutes(1)), ADMIN);
		this.clock.advance(Duration.ofMinutes(1));
		assertThatExceptionOfType(InvalidApiKeyRequestException.class)
			.isThrownBy(() -> this.service.rotate(expiring.keyId(), ADMIN));
		assertThatExceptionOfType(ApiKeyNotFoundException.class).isThrownBy(() -> this.service.rotate("nope", ADMIN));
	}

	@Test
	void rotationByACallerWhoNoLongerHoldsTheScopesIsRefused() {
		GeneratedApiKey old = this.service.create(request(Set.of("agents:write")), ADMIN);
		assertThatExceptionOfType(ScopeEscalationException.class)
			.isThrownBy(() -> this.service.rotate(old.keyId(), Set.of("agents:read")));
		assertThat(this.verifier.verify(old.plaintext()).isValid()).isTrue();
		assertThat(this.store.listByOrg("acme")).hasSize(1);
	}

	@Test
	void staticStoreKeysVerifyButCannotBeRevokedThroughTheService() {
		GeneratedApiKey key = this.service.create(request(Set.of()), ADMIN);
		StaticApiKeyStore declared = new StaticApiKeyStore(List.of(this.store.findById(key.keyId()).orElseThrow()));
		ApiKeyVerifier verifierOnStatic = ApiKeyVerifier.builder(this.format, this.hasher, declared)
			.clock(this.clock)
			.build();
		ApiKeyService serviceOnStatic = ApiKeyService.builder(this.format, this.hasher, declared)
			.clock(this.clock)
			.build();
		assertThat(verifierOnStatic.verify(key.plaintext()).isValid()).isTrue();
		assertThatExceptionOfType(ApiKeyStoreException.class).isThrownBy(() -> serviceOnStatic.revoke(key.keyId()));
		assertThatExceptionOfType(ApiKeyStoreException.class)
			.isThrownBy(() -> serviceOnStatic.create(request(Set.of()), ADMIN));
	}

	@Test
	void concurrentRotationsOfOneKeyMintExactlyOneSuccessor() throws Exception {
		GeneratedApiKey old = this.service.create(request(Set.of("agents:read")), ADMIN);
		int threads = 16;
		// every rotation has read the key before any goes on: the interleaving the race needs
		CyclicBarrier allRead = new CyclicBarrier(threads);
		ApiKeyService racing = serviceOn(afterRead(() -> allRead.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger rotated = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		try {
			List<Future<?>> rotations = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				rotations.add(pool.submit(() -> {
					start.await();
					try {
						racing.rotate(old.keyId(), ADMIN);
						rotated.incrementAndGet();
					}
					catch (InvalidApiKeyRequestException ex) {
						refused.incrementAndGet();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> rotation : rotations) {
				rotation.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rotated).hasValue(1);
		assertThat(refused).hasValue(threads - 1);
		assertThat(this.store.listByOrg("acme")).filteredOn((record) -> old.keyId().equals(record.rotatedFrom()))
			.hasSize(1);
	}

	@Test
	void aRotationThatReadTheKeyBeforeItWasRevokedIsRefused() throws Exception {
		GeneratedApiKey old = this.service.create(request(Set.of("agents:read")), ADMIN);
		CountDownLatch read = new CountDownLatch(1);
		CountDownLatch revoked = new CountDownLatch(1);
		ApiKeyService rotating = serviceOn(afterRead(() -> {
			read.countDown();
			return revoked.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
		}));
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<GeneratedApiKey> rotation = pool.submit(() -> rotating.rotate(old.keyId(), ADMIN));
			read.await();
			this.service.revoke(old.keyId());
			revoked.countDown();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(rotation::get)
				.withCauseInstanceOf(InvalidApiKeyRequestException.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.store.listByOrg("acme")).extracting(ApiKeyRecord::id).containsExactly(old.keyId());
		assertThat(this.verifier.verify(old.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
	}

	@Test
	void revokingTheOldKeyAfterARotationLeavesTheSuccessorValid() {
		GeneratedApiKey old = this.service.create(request(Set.of("agents:read")), ADMIN);
		GeneratedApiKey successor = this.service.rotate(old.keyId(), ADMIN);
		this.service.revoke(old.keyId());
		assertThat(this.verifier.verify(old.plaintext()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		assertThat(this.verifier.verify(successor.plaintext()).isValid()).isTrue();
	}

	@Test
	void aRotationWhoseSuccessorCannotBeSavedLeavesTheOldKeyWorkingAndRotatable() {
		GeneratedApiKey old = this.service.create(request(Set.of("agents:read")), ADMIN);
		ApiKeyService failingSave = serviceOn(new CountingApiKeyStore(this.store) {
			@Override
			public void save(ApiKeyRecord record) {
				throw new ApiKeyStoreException("database down");
			}
		});
		assertThatExceptionOfType(ApiKeyStoreException.class)
			.isThrownBy(() -> failingSave.rotate(old.keyId(), Duration.ZERO, ADMIN));
		assertThat(this.store.findById(old.keyId()).orElseThrow().graceUntil()).isNull();
		assertThat(this.verifier.verify(old.plaintext()).isValid()).isTrue();
		assertThat(this.service.rotate(old.keyId(), ADMIN).summary().rotatedFrom()).isEqualTo(old.keyId());
	}

	private static final long HANG_GUARD_SECONDS = 30;

	private ApiKeyService serviceOn(ApiKeyStore store) {
		return ApiKeyService.builder(this.format, this.hasher, store).clock(this.clock).verifier(this.verifier).build();
	}

	/** The real store, running {@code pause} on the reading thread after each findById. */
	private ApiKeyStore afterRead(Callable<?> pause) {
		return new CountingApiKeyStore(this.store) {
			@Override
			public Optional<ApiKeyRecord> findById(String keyId) {
				Optional<ApiKeyRecord> found = super.findById(keyId);
				try {
					pause.call();
				}
				catch (Exception ex) {
					throw new IllegalStateException("test pause failed", ex);
				}
				return found;
			}
		};
	}


	@Test
	void listenersHearCreationRotationAndRevocationAndCannotUndoThem() {
		List<String> heard = new java.util.ArrayList<>();
		ApiKeyService told = ApiKeyService.builder(this.format, this.hasher, this.store)
			.clock(this.clock)
			.listener(new ApiKeyListener() {
				@Override
				public void onCreated(ApiKeySummary key) {
					heard.add("created " + key.id());
					throw new IllegalStateException("a broken audit listener");
				}

				@Override
				public void onRotated(ApiKeySummary replacement) {
					heard.add("rotated " + replacement.rotatedFrom() + " -> " + replacement.id());
				}

				@Override
				public void onRevoked(ApiKeySummary key) {
					heard.add("revoked " + key.id());
				}
			})
			.build();
		GeneratedApiKey created = told.create(request(Set.of("agents:read")), ADMIN);
		GeneratedApiKey rotated = told.rotate(created.keyId(), ADMIN);
		told.revoke(rotated.keyId());
		assertThat(heard).containsExactly("created " + created.keyId(),
				"rotated " + created.keyId() + " -> " + rotated.keyId(), "revoked " + rotated.keyId());
		assertThat(this.store.findById(created.keyId())).isPresent(); // the failing listener undid nothing
	}
}
