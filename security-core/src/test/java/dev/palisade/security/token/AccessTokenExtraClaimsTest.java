package dev.palisade.security.token;

import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.palisade.security.principal.PrincipalKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Extra claims (for example a rate-limit plan) travel in the token and can replace no principal claim. */
class AccessTokenExtraClaimsTest {

	private final MutableClock clock = new MutableClock(TokenFixtures.NOW);

	private final TokenKeyring keyring = TokenKeyring.of(TokenKey.generate(JWSAlgorithm.HS256, "hs"));

	private final AccessTokenIssuer issuer = new AccessTokenIssuer(() -> this.keyring, TokenFixtures.settings(),
			this.clock);

	@Test
	void extraClaimIsWrittenAndVerifiedTokenExposesIt() throws Exception {
		IssuedAccessToken issued = this.issuer.issue(TokenFixtures.alice().withExtraClaims(Map.of("plan", "pro")));
		assertThat(SignedJWT.parse(issued.value()).getJWTClaimsSet().getStringClaim("plan")).isEqualTo("pro");
		VerifiedAccessToken verified = new KeyringAccessTokenVerifier(() -> this.keyring, TokenFixtures.settings(),
				this.clock)
			.verify(issued.value());
		assertThat(verified.claims()).containsEntry("plan", "pro");
	}

	@Test
	void sevenArgumentConstructorStillMeansNoExtraClaims() {
		AccessTokenRequest request = new AccessTokenRequest("u", PrincipalKind.USER, null, null, Set.of(), Set.of(),
				null);
		assertThat(request.extraClaims()).isEmpty();
		assertThat(request.withTtl(java.time.Duration.ofMinutes(1)).extraClaims()).isEmpty();
	}

	@Test
	void extraClaimCannotReplaceARegisteredClaim() {
		for (String registered : new String[] { "sub", "iss", "aud", "exp", "nbf", "iat", "jti" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> TokenFixtures.alice().withExtraClaims(Map.of(registered, "x")));
		}
	}

	@Test
	void extraClaimCannotReplaceAPrincipalClaimToEscalate() {
		for (String principalClaim : new String[] { "roles", "permissions", "scope", "org", "project", "kind" }) {
			AccessTokenRequest request = TokenFixtures.alice().withExtraClaims(Map.of(principalClaim, "platform:admin"));
			assertThatIllegalArgumentException().isThrownBy(() -> this.issuer.issue(request));
		}
	}

	@Test
	void extraClaimValuesAreScalarsOnly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenFixtures.alice().withExtraClaims(Map.of("plan", java.util.List.of("pro"))));
	}
}
