package dev.palisade.benchmarks.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.AccessTokenSettings;
import dev.palisade.security.token.CachingAccessTokenVerifier;
import dev.palisade.security.token.CryptoProviderPreference;
import dev.palisade.security.token.KeyringAccessTokenVerifier;
import dev.palisade.security.token.TokenKey;
import dev.palisade.security.token.TokenKeyring;
import dev.palisade.security.token.VerifiedAccessToken;

/**
 * Access-token verification: Palisade's {@link KeyringAccessTokenVerifier} against raw Nimbus
 * DefaultJWTProcessor configured equivalently (same token, same key, typ at+jwt, exact iss, aud,
 * required exp/sub/jti), the caching verifier on a repeated token, and Palisade with the BouncyCastle
 * provider preference (relevant for ES256 and EdDSA; HS256/RS256 always use the JDK).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenVerificationBenchmark {

	@Param({ "HS256", "RS256", "ES256", "EdDSA" })
	public String alg;

	private String token;

	private KeyringAccessTokenVerifier palisadeJdk;

	private KeyringAccessTokenVerifier palisadeBc;

	private CachingAccessTokenVerifier caching;

	private DefaultJWTProcessor<SecurityContext> rawNimbus;

	@Setup
	public void setUp() throws Exception {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(this.alg);
		TokenKey key = TokenKey.generate(algorithm, "bench");
		TokenKeyring keyring = TokenKeyring.of(key);
		AccessTokenSettings settings = AccessTokenSettings.defaults("https://auth.bench", Set.of("bench-api"));
		Clock clock = Clock.systemUTC();
		this.token = new AccessTokenIssuer(() -> keyring, settings, clock)
			.issue(new AccessTokenRequest("alice", PrincipalKind.USER, "acme", "rocket", Set.of("org:admin"),
					Set.of("agents:read", "agents:write"), null))
			.value();
		this.palisadeJdk = new KeyringAccessTokenVerifier(() -> keyring, settings, clock, (jti) -> false,
				CryptoProviderPreference.JDK);
		this.palisadeBc = new KeyringAccessTokenVerifier(() -> keyring, settings, clock, (jti) -> false,
				CryptoProviderPreference.BOUNCY_CASTLE);
		this.caching = new CachingAccessTokenVerifier(this.palisadeJdk, CachingAccessTokenVerifier.DEFAULT_MAXIMUM_SIZE);
		this.rawNimbus = rawNimbus(key, algorithm);
		// sanity: every variant accepts the token
		this.palisadeJdk.verify(this.token);
		this.palisadeBc.verify(this.token);
		this.caching.verify(this.token);
		this.rawNimbus.process(this.token, null);
	}

	@Benchmark
	public VerifiedAccessToken palisade() throws Exception {
		return this.palisadeJdk.verify(this.token);
	}

	@Benchmark
	public VerifiedAccessToken palisadeBouncyCastle() throws Exception {
		return this.palisadeBc.verify(this.token);
	}

	@Benchmark
	public VerifiedAccessToken palisadeCachedRepeatedToken() throws Exception {
		return this.caching.verify(this.token);
	}

	@Benchmark
	public JWTClaimsSet rawNimbusBaseline() throws Exception {
		return this.rawNimbus.process(this.token, null);
	}

	private static DefaultJWTProcessor<SecurityContext> rawNimbus(TokenKey key, JWSAlgorithm algorithm) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
		if (JWSAlgorithm.EdDSA.equals(algorithm)) {
			// Nimbus's own Ed25519Verifier needs Google Tink and OKP JWKs have no JCA form in Nimbus, so the
			// baseline uses plain JCA Ed25519 with a fixed key, as a user without Tink would have to
			JcaEd25519VerifierFactory factory = new JcaEd25519VerifierFactory((OctetKeyPair) key.publicJwk().orElseThrow());
			processor.setJWSVerifierFactory(factory);
			processor.setJWSKeySelector((header, context) -> List.of(factory.publicKey));
		}
		else {
			JWKSet set = new JWKSet(key.isSymmetric() ? key.jwk() : key.publicJwk().orElseThrow());
			processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(set)));
		}
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of("bench-api"),
				new JWTClaimsSet.Builder().issuer("https://auth.bench").build(),
				new HashSet<>(List.of("exp", "sub", "jti", "iat")), null));
		return processor;
	}

	/** Minimal JCA Ed25519 verifier for the raw baseline (what a user without Tink would write). */
	private static final class JcaEd25519VerifierFactory extends DefaultJWSVerifierFactory {

		private static final byte[] SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
				0x00 };

		private final PublicKey publicKey;

		JcaEd25519VerifierFactory(OctetKeyPair jwk) {
			try {
				byte[] x = jwk.getX().decode();
				byte[] spki = new byte[SPKI_PREFIX.length + x.length];
				System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
				System.arraycopy(x, 0, spki, SPKI_PREFIX.length, x.length);
				this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public JWSVerifier createJWSVerifier(JWSHeader header, java.security.Key key) throws JOSEException {
			return new JWSVerifier() {
				@Override
				public boolean verify(JWSHeader h, byte[] input, Base64URL signature) throws JOSEException {
					try {
						Signature verifier = Signature.getInstance("Ed25519");
						verifier.initVerify(JcaEd25519VerifierFactory.this.publicKey);
						verifier.update(input);
						return verifier.verify(signature.decode());
					}
					catch (GeneralSecurityException ex) {
						return false;
					}
				}

				@Override
				public Set<JWSAlgorithm> supportedJWSAlgorithms() {
					return Set.of(JWSAlgorithm.EdDSA);
				}

				@Override
				public JCAContext getJCAContext() {
					return new JCAContext();
				}
			};
		}

	}

}
