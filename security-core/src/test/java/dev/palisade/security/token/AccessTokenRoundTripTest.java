package dev.palisade.security.token;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue then verify, for every supported algorithm and both provider preferences. */
class AccessTokenRoundTripTest {

	private final MutableClock clock = new MutableClock(TokenFixtures.NOW);

	static Stream<Arguments> algorithmsAndProviders() {
		return KeyAlgorithmRules.SUPPORTED.stream()
			.sorted(java.util.Comparator.comparing(JWSAlgorithm::getName))
			.flatMap((alg) -> Stream.of(CryptoProviderPreference.values()).map((p) -> Arguments.of(alg, p)));
	}

	@ParameterizedTest(name = "{0} [{1}]")
	@MethodSource("algorithmsAndProviders")
	void issuedTokenVerifiesAndCarriesThePrincipal(JWSAlgorithm alg, CryptoProviderPreference provider)
			throws Exception {
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(alg, "k-" + alg.getName()));
		AccessTokenIssuer issuer = new AccessTokenIssuer(() -> keyring, TokenFixtures.settings(), this.clock, provider);
		// verify with the other provider too: signatures must interoperate
		for (CryptoProviderPreference verifyWith : CryptoProviderPreference.values()) {
			KeyringAccessTokenVerifier verifier = new KeyringAccessTokenVerifier(() -> keyring,
					TokenFixtures.settings(), this.clock, (jti) -> false, verifyWith);
			IssuedAccessToken issued = issuer.issue(TokenFixtures.alice());
			VerifiedAccessToken verified = verifier.verify(issued.value());
			assertThat(verified.principal()).isEqualTo(new PalisadePrincipal("alice", PrincipalKind.USER, "acme",
					"rocket", Set.of("org:admin"), Set.of("agents:read", "agents:write")));
			assertThat(verified.jti()).isEqualTo(issued.jti());
			assertThat(verified.issuer()).isEqualTo(TokenFixtures.ISSUER);
			assertThat(verified.issuedAt()).isEqualTo(TokenFixtures.NOW);
			assertThat(verified.expiresAt()).isEqualTo(TokenFixtures.NOW.plus(Duration.ofMinutes(15)));
			assertThat(verified.keyId()).isEqualTo("k-" + alg.getName());
		}
	}

	@Test
	void headerAndClaimsFollowRfc9068() throws Exception {
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.ES256, "es"));
		AccessTokenIssuer issuer = new AccessTokenIssuer(() -> keyring, TokenFixtures.settings(), this.clock);
		IssuedAccessToken issued = issuer.issue(TokenFixtures.alice().withTtl(Duration.ofMinutes(5)));
		SignedJWT jwt = SignedJWT.parse(issued.value());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("es");
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
		var claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(TokenFixtures.ISSUER);
		assertThat(claims.getAudience()).containsExactlyInAnyOrder("agents-api", "other-api");
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(TokenFixtures.NOW.plusSeconds(300));
		assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(TokenFixtures.NOW);
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(TokenFixtures.NOW);
		assertThat(claims.getJWTID()).isEqualTo(issued.jti()).hasSize(36);
		assertThat(claims.getStringListClaim("roles")).containsExactly("org:admin");
		assertThat(claims.getStringListClaim("permissions")).containsExactly("agents:read", "agents:write");
		assertThat(claims.getStringClaim("scope")).isEqualTo("agents:read agents:write");
		assertThat(claims.getStringClaim("org")).isEqualTo("acme");
		assertThat(claims.getStringClaim("project")).isEqualTo("rocket");
		assertThat(claims.getStringClaim("kind")).isEqualTo("user");
		assertThat(claims.getClaim("client_id")).isNull();
	}

	@Test
	void jtiIsUniquePerToken() {
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.HS256, "hs"));
		AccessTokenIssuer issuer = new AccessTokenIssuer(() -> keyring, TokenFixtures.settings(), this.clock);
		Set<String> jtis = new java.util.HashSet<>();
		for (int i = 0; i < 100; i++) {
			jtis.add(issuer.issue(TokenFixtures.alice()).jti());
		}
		assertThat(jtis).hasSize(100);
	}

	@Test
	void configurableClaimNamesAreUsedBothWays() throws Exception {
		ClaimNames names = new ClaimNames("groups", "perms", "scp", "tenant", "workspace", "typ_of_principal");
		AccessTokenSettings settings = TokenFixtures.settings().withClaimNames(names);
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.HS256, "hs"));
		IssuedAccessToken issued = new AccessTokenIssuer(() -> keyring, settings, this.clock)
			.issue(new AccessTokenRequest("svc", PrincipalKind.SERVICE, "acme", null, Set.of("r"), Set.of("p:x"), null));
		assertThat(SignedJWT.parse(issued.value()).getJWTClaimsSet().getStringClaim("tenant")).isEqualTo("acme");
		VerifiedAccessToken verified = new KeyringAccessTokenVerifier(() -> keyring, settings, this.clock)
			.verify(issued.value());
		assertThat(verified.principal()).isEqualTo(
				new PalisadePrincipal("svc", PrincipalKind.SERVICE, "acme", null, Set.of("r"), Set.of("p:x")));
	}

	@Test
	void issuedTokenToStringHidesTheValue() {
		TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.HS256, "hs"));
		IssuedAccessToken issued = new AccessTokenIssuer(() -> keyring, TokenFixtures.settings(), this.clock)
			.issue(TokenFixtures.alice());
		assertThat(issued.toString()).contains(issued.jti()).doesNotContain(issued.value())
			.doesNotContain(issued.value().substring(0, issued.value().indexOf('.')));
	}

	@Test
	void principalMapperReadsListsStringsAndScope() {
		ClaimsPrincipalMapper mapper = new ClaimsPrincipalMapper(ClaimNames.defaults());
		PalisadePrincipal fromStrings = mapper.map(java.util.Map.of("sub", "s", "roles", "a b,c", "scope",
				"x:read  y:write", "kind", "SERVICE"));
		assertThat(fromStrings.roles()).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(fromStrings.permissions()).containsExactlyInAnyOrder("x:read", "y:write");
		assertThat(fromStrings.kind()).isEqualTo(PrincipalKind.SERVICE);
		// the credential kinds that are not tokens never come from a claim
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> mapper.map(java.util.Map.of("sub", "key-id", "kind", "api_key")))
			.isInstanceOf(IllegalArgumentException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new AccessTokenRequest("key-id", PrincipalKind.CLIENT_CERT, null, null,
					java.util.Set.of(), java.util.Set.of(), null))
			.isInstanceOf(IllegalArgumentException.class);
		PalisadePrincipal permissionsWin = mapper.map(java.util.Map.of("sub", "s", "permissions", List.of("p"),
				"scope", "ignored"));
		assertThat(permissionsWin.permissions()).containsExactly("p");
		assertThat(permissionsWin.kind()).isEqualTo(PrincipalKind.USER);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.map(java.util.Map.of("roles", "a")))
			.isInstanceOf(IllegalArgumentException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> mapper.map(java.util.Map.of("sub", "s", "roles", List.of(1, 2))))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
