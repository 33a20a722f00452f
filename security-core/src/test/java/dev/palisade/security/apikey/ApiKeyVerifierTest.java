package dev.palisade.security.apikey;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeyVerifierTest {

	private final ApiKeyFormat format = new ApiKeyFormat();

	private final ApiKeyHasher hasher = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));

	private final MutableClock clock = new MutableClock(ApiKeyTestData.T0);

	private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());

	private final ApiKeyVerifier verifier = newVerifier(this.store);

	private ApiKeyVerifier newVerifier(ApiKeyStore store) {
		return ApiKeyVerifier.builder(this.format, this.hasher, store)
			.clock(this.clock)
			.cacheTicker(this.clock::nanos)
			.build();
	}

	private ParsedApiKey storedKey(Instant expiresAt) {
		ParsedApiKey key = this.format.generate(new SecureRandom());
		ApiKeyRecord record = new ApiKeyRecord(key.keyId(), "deploy", "svc-ci", PrincipalKind.SERVICE, "acme", "web",
				Set.of("agents:read"), this.hasher.hash(key.presented()), this.format.hint(key.presented()),
				ApiKeyTestData.T0, expiresAt, null, null, null, null);
		this.store.save(record);
		return key;
	}

	/** A key with the right id and a valid checksum but another secret. */
	private String forgeSecret(ParsedApiKey key) {
		String body = key.presented().substring(0, key.presented().lastIndexOf('_'));
		String idPart = body.substring(0, body.lastIndexOf('_') + 1);
		String forgedBody = idPart + "A".repeat(ApiKeyFormat.SECRET_LENGTH);
		StringBuilder forged = new StringBuilder(forgedBody).append('_');
		ApiKeyFormat.appendChecksum(forged, ApiKeyFormat.checksum(forgedBody, forgedBody.length()));
		return forged.toString();
	}

	@Test
	void validKeyVerifiesWithItsGrants() {
		ParsedApiKey key = storedKey(null);
		ApiKeyVerification result = this.verifier.verify(key.presented());
		assertThat(result.outcome()).isEqualTo(ApiKeyOutcome.VALID);
		assertThat(result.keyId()).isEqualTo(key.keyId());
		assertThat(result.ownerSubject()).isEqualTo("svc-ci");
		assertThat(result.ownerKind()).isEqualTo(PrincipalKind.SERVICE);
		assertThat(result.org()).isEqualTo("acme");
		assertThat(result.project()).isEqualTo("web");
		assertThat(result.scopes()).containsExactly("agents:read");
	}

	@Test
	void principalHasKindApiKeyTheKeyIdAsSubjectAndScopesAsPermissions() {
		ParsedApiKey key = storedKey(null);
		PalisadePrincipal principal = this.verifier.verify(key.presented()).toPrincipal();
		assertThat(principal.subject()).isEqualTo(key.keyId());
		assertThat(principal.kind()).isEqualTo(PrincipalKind.API_KEY);
		assertThat(principal.org()).isEqualTo("acme");
		assertThat(principal.project()).isEqualTo("web");
		assertThat(principal.roles()).isEmpty();
		assertThat(principal.permissions()).containsExactly("agents:read");
	}

	@Test
	void rejectedVerificationHasNoPrincipalAndNoGrants() {
		ApiKeyVerification result = this.verifier.verify("garbage");
		assertThatIllegalStateException().isThrownBy(result::toPrincipal);
		assertThatIllegalStateException().isThrownBy(result::scopes);
	}

	@Test
	void malformedKeyNeverTouchesStoreOrCache() {
		assertThat(this.verifier.verify("pal_short").outcome()).isEqualTo(ApiKeyOutcome.MALFORMED);
		assertThat(this.verifier.verify(null).outcome()).isEqualTo(ApiKeyOutcome.MALFORMED);
		assertThat(this.store.calls).hasValue(0);
		assertThat(this.verifier.cachedKeyCount()).isZero();
	}

	@Test
	void badChecksumNeverTouchesStoreOrCache() {
		ParsedApiKey key = storedKey(null);
		this.store.calls.set(0);
		String typo = key.presented().substring(0, 30) + (key.presented().charAt(30) == 'a' ? 'b' : 'a')
				+ key.presented().substring(31);
		ApiKeyVerification result = this.verifier.verify(typo);
		assertThat(result.outcome()).isEqualTo(ApiKeyOutcome.BAD_CHECKSUM);
		assertThat(result.keyId()).isNull();
		assertThat(this.store.calls).hasValue(0);
		assertThat(this.verifier.cachedKeyCount()).isZero();
	}

	@Test
	void unknownKeyIdIsUnknownAndNotCached() {
		String key = this.format.generate(new SecureRandom()).presented();
		assertThat(this.verifier.verify(key).outcome()).isEqualTo(ApiKeyOutcome.UNKNOWN);
		assertThat(this.verifier.verify(key).outcome()).isEqualTo(ApiKeyOutcome.UNKNOWN);
		assertThat(this.store.finds).hasValue(2);
		assertThat(this.verifier.cachedKeyCount()).isZero();
	}

	@Test
	void wrongSecretWithValidChecksumIsRejectedByTheHmac() {
		ParsedApiKey key = storedKey(null);
		String forged = forgeSecret(key);
		assertThat(this.format.parse(forged).isParsed()).isTrue();
		assertThat(this.verifier.verify(forged).outcome()).isEqualTo(ApiKeyOutcome.WRONG_SECRET);
	}

	@Test
	void wrongSecretIsRejectedAlsoWhenTheRecordIsCached() {
		ParsedApiKey key = storedKey(null);
		this.verifier.verify(key.presented());
		assertThat(this.verifier.cachedKeyCount()).isOne();
		assertThat(this.verifier.verify(forgeSecret(key)).outcome()).isEqualTo(ApiKeyOutcome.WRONG_SECRET);
	}

	@Test
	void wrongSecretDoesNotRevealThatAKeyIsRevoked() {
		ParsedApiKey key = storedKey(null);
		this.store.revoke(key.keyId(), ApiKeyTestData.T0);
		assertThat(this.verifier.verify(forgeSecret(key)).outcome()).isEqualTo(ApiKeyOutcome.WRONG_SECRET);
	}

	@Test
	void cachedKeyIsServedWithoutAStoreRead() {
		ParsedApiKey key = storedKey(null);
		this.verifier.verify(key.presented());
		this.verifier.verify(key.presented());
		this.verifier.verify(key.presented());
		assertThat(this.store.finds).hasValue(1);
	}

	@Test
	void expiryIsCheckedOnEveryVerificationIncludingCacheHits() {
		ParsedApiKey key = storedKey(ApiKeyTestData.T0.plusSeconds(10));
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.EXPIRED);
		assertThat(this.store.finds).hasValue(1);
	}

	@Test
	void revocationOnAnotherNodeReachesThisNodeWithinTheCacheTtl() {
		ParsedApiKey key = storedKey(null);
		ApiKeyVerifier otherNode = newVerifier(this.store);
		assertThat(this.verifier.verify(key.presented()).isValid()).isTrue();
		ApiKeyService otherNodeService = ApiKeyService.builder(this.format, this.hasher, this.store)
			.clock(this.clock)
			.verifier(otherNode)
			.build();
		otherNodeService.revoke(key.keyId());
		assertThat(otherNode.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		// this node still holds the record it cached before the revocation ...
		this.clock.advance(ApiKeyVerifier.DEFAULT_CACHE_TTL.minusSeconds(1));
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
		// ... but not longer than the cache TTL
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
	}

	@Test
	void invalidateMakesTheNextVerificationReadTheStore() {
		ParsedApiKey key = storedKey(null);
		this.verifier.verify(key.presented());
		this.store.revoke(key.keyId(), ApiKeyTestData.T0);
		this.verifier.invalidate(key.keyId());
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
		assertThat(this.store.finds).hasValue(2);
	}

	@Test
	void disabledCacheReadsTheStoreEveryTime() {
		ParsedApiKey key = storedKey(null);
		ApiKeyVerifier uncached = ApiKeyVerifier.builder(this.format, this.hasher, this.store)
			.clock(this.clock)
			.cacheTtl(Duration.ZERO)
			.build();
		uncached.verify(key.presented());
		uncached.verify(key.presented());
		assertThat(this.store.finds).hasValue(2);
		assertThat(uncached.cachedKeyCount()).isZero();
	}

	@Test
	void cacheIsBounded() {
		ApiKeyVerifier small = ApiKeyVerifier.builder(this.format, this.hasher, this.store)
			.clock(this.clock)
			.cacheMaximumSize(5)
			.build();
		for (int i = 0; i < 50; i++) {
			small.verify(storedKey(null).presented());
		}
		assertThat(small.cachedKeyCount()).isLessThanOrEqualTo(5);
	}

	@Test
	void storeFailureFailsClosedWithAStoreException() {
		ParsedApiKey key = this.format.generate(new SecureRandom());
		ApiKeyVerifier failing = newVerifier(new FailingStore());
		assertThatExceptionOfType(ApiKeyStoreException.class).isThrownBy(() -> failing.verify(key.presented()));
	}

	@Test
	void validUseIsHandedToTheLastUsedRecorder() {
		ParsedApiKey key = storedKey(null);
		InMemoryApiKeyStore target = new InMemoryApiKeyStore();
		target.save(this.store.findById(key.keyId()).orElseThrow());
		java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor();
		try (LastUsedRecorder recorder = new LastUsedRecorder(target, executor, Duration.ofHours(1))) {
			ApiKeyVerifier recording = ApiKeyVerifier.builder(this.format, this.hasher, this.store)
				.clock(this.clock)
				.lastUsedRecorder(recorder)
				.build();
			this.clock.advance(Duration.ofMinutes(5));
			recording.verify(key.presented());
			recording.verify(forgeSecret(key));
			assertThat(recorder.pendingCount()).isOne();
			recorder.flush();
			assertThat(target.findById(key.keyId()).orElseThrow().lastUsedAt())
				.isEqualTo(ApiKeyTestData.T0.plus(Duration.ofMinutes(5)));
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void verificationToStringNamesOutcomeAndIdOnly() {
		ParsedApiKey key = storedKey(null);
		String text = this.verifier.verify(key.presented()).toString();
		assertThat(text).contains("VALID", key.keyId()).doesNotContain(key.presented());
	}

	private static final class FailingStore implements ApiKeyStore {

		@Override
		public Optional<ApiKeyRecord> findById(String keyId) {
			throw new ApiKeyStoreException("database down");
		}

		@Override
		public void save(ApiKeyRecord record) {
			throw new ApiKeyStoreException("database down");
		}

		@Override
		public boolean revoke(String keyId, Instant revokedAt) {
			throw new ApiKeyStoreException("database down");
		}

		@Override
		public boolean claimForRotation(String keyId, Instant graceUntil, Instant now) {
			throw new ApiKeyStoreException("database down");
		}

		@Override
		public boolean releaseRotationClaim(String keyId, Instant graceUntil) {
			throw new ApiKeyStoreException("database down");
		}

		@Override
		public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
			throw new ApiKeyStoreException("database down");
		}

		@Override
		public java.util.List<ApiKeyRecord> listByOrg(String org) {
			throw new ApiKeyStoreException("database down");
		}

	}

}
