package dev.palisade.security.apikey;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StaticApiKeyStoreTest {

	@Test
	void declaredHashVerifiesTheKeyItWasMadeFrom() {
		ApiKeyFormat format = new ApiKeyFormat();
		ApiKeyHasher hasher = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));
		ParsedApiKey key = format.generate(new SecureRandom());
		// as configuration would declare it: id, pepper id and Base64 hash only
		ApiKeyHash declaredHash = ApiKeyHash.fromBase64("p1", hasher.hash(key.presented()).toBase64());
		ApiKeyRecord base = ApiKeyTestData.record(key, "acme", ApiKeyTestData.T0);
		ApiKeyRecord declared = new ApiKeyRecord(base.id(), base.name(), base.ownerSubject(), base.ownerKind(),
				base.org(), base.project(), base.scopes(), declaredHash, base.hint(), base.createdAt(), null, null,
				null, null, null);
		StaticApiKeyStore store = new StaticApiKeyStore(List.of(declared));
		ApiKeyVerifier verifier = ApiKeyVerifier.builder(format, hasher, store).build();
		assertThat(verifier.verify(key.presented()).isValid()).isTrue();
	}

	@Test
	void storeIsReadOnly() {
		ApiKeyRecord record = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		StaticApiKeyStore store = new StaticApiKeyStore(List.of(record));
		assertThatExceptionOfType(ApiKeyStoreException.class)
			.isThrownBy(() -> store.save(ApiKeyTestData.record("acme", ApiKeyTestData.T0)));
		assertThatExceptionOfType(ApiKeyStoreException.class).isThrownBy(() -> store.revoke(record.id(), ApiKeyTestData.T0));
		assertThatExceptionOfType(ApiKeyStoreException.class)
			.isThrownBy(() -> store.claimForRotation(record.id(), ApiKeyTestData.T0, ApiKeyTestData.T0));
		assertThatExceptionOfType(ApiKeyStoreException.class)
			.isThrownBy(() -> store.releaseRotationClaim(record.id(), ApiKeyTestData.T0));
	}

	@Test
	void declaredRevocationIsHonoured() {
		ParsedApiKey key = new ApiKeyFormat().generate(new SecureRandom());
		ApiKeyRecord revoked = ApiKeyTestData.record(key, "acme", ApiKeyTestData.T0).withRevokedAt(ApiKeyTestData.T0);
		ApiKeyVerifier verifier = ApiKeyVerifier
			.builder(new ApiKeyFormat(), new ApiKeyHasher(ApiKeyTestData.pepper("p1")),
					new StaticApiKeyStore(List.of(revoked)))
			.build();
		assertThat(verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.REVOKED);
	}

	@Test
	void lastUseIsKeptInMemoryAndOnlyMovesForward() {
		ApiKeyRecord record = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		StaticApiKeyStore store = new StaticApiKeyStore(List.of(record));
		store.updateLastUsed(Map.of(record.id(), ApiKeyTestData.T0.plusSeconds(9), "unknown", ApiKeyTestData.T0));
		store.updateLastUsed(Map.of(record.id(), ApiKeyTestData.T0.plusSeconds(3)));
		assertThat(store.findById(record.id()).orElseThrow().lastUsedAt()).isEqualTo(ApiKeyTestData.T0.plusSeconds(9));
		assertThat(store.listByOrg("acme")).extracting(ApiKeyRecord::lastUsedAt)
			.containsExactly(ApiKeyTestData.T0.plusSeconds(9));
		assertThat(store.findById("unknown")).isEmpty();
	}

	@Test
	void duplicateDeclaredIdsAreRefused() {
		ApiKeyRecord record = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
		assertThatIllegalArgumentException().isThrownBy(() -> new StaticApiKeyStore(List.of(record, record)));
	}

}
