package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import dev.palisade.security.token.InvalidTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caching decorator: hits skip the delegate but never the time, revocation and key checks. */
class CachingAccessTokenVerifierTest {

	private final MutableClock clock = new MutableClock(TokenFixtures.NOW);

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final RotatingKeyring keys = new RotatingKeyring(
			TokenKeyring.of(TokenKey.generate(JWSAlgorithm.ES256, "ec-1")));

	private final KeyringAccessTokenVerifier keyringVerifier = new KeyringAccessTokenVerifier(this.keys,
			TokenFixtures.settings(), this.clock, this.revoked::contains, CryptoProviderPreference.JDK);

	private final AtomicInteger delegateCalls = new AtomicInteger();

	private final AccessTokenIssuer issuer = new AccessTokenIssuer(this.keys, TokenFixtures.settings(), this.clock);

	private CachingAccessTokenVerifier caching() {
		AccessTokenVerifier counting = (token) -> {
			this.delegateCalls.incrementAndGet();
			return this.keyringVerifier.verify(token);
		};
		return new CachingAccessTokenVerifier(counting, this.clock, Duration.ofSeconds(60), 100, this.revoked::contains,
				(kid) -> this.keys.current().find(kid).isPresent());
	}

	@Test
	void repeatedTokenIsServedFromTheCache() throws Exception {
		CachingAccessTokenVerifier verifier = caching();
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		VerifiedAccessToken first = verifier.verify(token.value());
		VerifiedAccessToken second = verifier.verify(token.value());
		assertThat(second).isSameAs(first);
		assertThat(this.delegateCalls).hasValue(1);
		assertThat(verifier.estimatedSize()).isEqualTo(1);
	}

	@Test
	void cacheHitAfterExpiryIsRejected() throws Exception {
		CachingAccessTokenVerifier verifier = caching();
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		verifier.verify(token.value());
		this.clock.set(token.expiresAt().plusSeconds(59));
		assertThat(verifier.verify(token.value()).jti()).isEqualTo(token.jti());
		this.clock.set(token.expiresAt().plusSeconds(61));
		assertThatThrownBy(() -> verifier.verify(token.value())).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.EXPIRED));
		assertThat(this.delegateCalls).hasValue(1);
	}

	@Test
	void cacheHitBeforeNotBeforeIsRejected() throws Exception {
		CachingAccessTokenVerifier verifier = caching();
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		verifier.verify(token.value());
		// the clock is set back (NTP correction): nbf/iat now lie beyond the skew
		this.clock.set(TokenFixtures.NOW.minusSeconds(61));
		assertThatThrownBy(() -> verifier.verify(token.value())).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_YET_VALID));
	}

	@Test
	void revokedJtiIsRejectedOnACacheHit() throws Exception {
		CachingAccessTokenVerifier verifier = caching();
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		verifier.verify(token.value());
		this.revoked.add(token.jti());
		assertThatThrownBy(() -> verifier.verify(token.value())).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.REVOKED));
		assertThat(this.delegateCalls).hasValue(1);
	}

	@Test
	void retiredKeyIsRejectedOnACacheHit() throws Exception {
		CachingAccessTokenVerifier verifier = new CachingAccessTokenVerifier(this.keyringVerifier, 100);
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		verifier.verify(token.value());
		this.keys.rotate(TokenKey.generate(JWSAlgorithm.ES256, "ec-2"));
		assertThat(verifier.verify(token.value())).isNotNull();
		this.keys.retire("ec-1");
		assertThatThrownBy(() -> verifier.verify(token.value())).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_KEY));
	}

	@Test
	void cacheKeyIsTheSha256OfTheTokenNotTheToken() throws Exception {
		CachingAccessTokenVerifier verifier = caching();
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		verifier.verify(token.value());
		byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));
		assertThat(verifier.cachedKeys()).singleElement().satisfies((key) -> {
			assertThat(key).isNotInstanceOf(String.class);
			assertThat(key.bytes()).isEqualTo(sha256);
			assertThat(key.toString()).doesNotContain(token.value());
		});
	}

	@Test
	void failuresAreNotCached() throws Exception {
		CachingAccessTokenVerifier verifier = caching();
		IssuedAccessToken token = this.issuer.issue(TokenFixtures.alice());
		// one signature character changed, and always to a different one (a fixed "AA" tail matched
		// the real signature about once in a few thousand runs, and the test then failed)
		String value = token.value();
		int at = value.length() - 10;
		String tampered = value.substring(0, at) + ((value.charAt(at) == 'A') ? 'B' : 'A') + value.substring(at + 1);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidTokenException.class);
		}
		assertThat(this.delegateCalls).hasValue(3);
		assertThat(verifier.estimatedSize()).isZero();
	}

	@Test
	void cacheIsBounded() throws Exception {
		CachingAccessTokenVerifier verifier = new CachingAccessTokenVerifier(this.keyringVerifier, 5);
		for (int i = 0; i < 50; i++) {
			verifier.verify(this.issuer.issue(TokenFixtures.alice()).value());
		}
		verifier.cleanUp(); // Caffeine evicts asynchronously; run the pending eviction now
		assertThat(verifier.estimatedSize()).isLessThanOrEqualTo(5);
		assertThat(verifier.cachedKeys().size()).isLessThanOrEqualTo(5);
	}

	@Test
	void overlongTokenBypassesTheCache() throws Exception {
		CachingAccessTokenVerifier verifier = new CachingAccessTokenVerifier(this.keyringVerifier, 5);
		assertThatThrownBy(() -> verifier.verify("a".repeat(20_000))).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.TOO_LONG));
		assertThat(verifier.estimatedSize()).isZero();
	}

}
