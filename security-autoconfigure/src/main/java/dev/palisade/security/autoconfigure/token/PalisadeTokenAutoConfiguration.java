package dev.palisade.security.autoconfigure.token;

import java.time.Clock;

import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenSettings;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.CachingAccessTokenVerifier;
import dev.palisade.security.token.ClaimNames;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.KeyringAccessTokenVerifier;
import dev.palisade.security.token.RotatingKeyring;
import dev.palisade.security.token.VerifiedAccessToken;
import dev.palisade.security.web.AccessTokenAuthenticationProvider;
import dev.palisade.security.web.AccessTokenOutcomeListener;
import dev.palisade.security.web.BearerCredentialRouting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Palisade's JWT access tokens: the keyring, the issuer, the verifier (with its cache, and an
 * external identity provider when one is configured) and the Spring Security provider that
 * authenticates bearer tokens with it. Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "palisade.tokens.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PalisadeTokenProperties.class)
@Import(ExternalIssuerConfiguration.class)
public final class PalisadeTokenAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RotatingKeyring palisadeTokenKeyring(PalisadeTokenProperties properties) {
		return new RotatingKeyring(TokenKeyringLoader.load(properties.signing()));
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenSettings palisadeAccessTokenSettings(PalisadeTokenProperties properties) {
		return new AccessTokenSettings(properties.issuer(), properties.audiences(), properties.ttl(),
				properties.clockSkew(), properties.maxLength(), ClaimNames.defaults());
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenIssuer palisadeAccessTokenIssuer(RotatingKeyring keyring, AccessTokenSettings settings,
			PalisadeTokenProperties properties, ObjectProvider<Clock> clock) {
		return new AccessTokenIssuer(keyring, settings, clock.getIfAvailable(Clock::systemUTC),
				properties.signing().provider());
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenVerifier palisadeAccessTokenVerifier(RotatingKeyring keyring, AccessTokenSettings settings,
			PalisadeTokenProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<ExternalJwtAccessTokenVerifier> external, ObjectProvider<AccessTokenRevocations> revocations) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		AccessTokenRevocations revoked = revocations.getIfAvailable(() -> AccessTokenRevocations.NONE);
		KeyringAccessTokenVerifier own = new KeyringAccessTokenVerifier(keyring, settings, time, revoked::isRevoked,
				properties.signing().provider());
		AccessTokenVerifier verifier = own;
		if (properties.cache().enabled()) {
			verifier = new CachingAccessTokenVerifier(own, time, settings.clockSkew(), properties.cache().maximumSize(),
					revoked::isRevoked, (kid) -> keyring.current().find(kid).isPresent());
		}
		ExternalJwtAccessTokenVerifier externalVerifier = external.getIfAvailable();
		if (externalVerifier == null) {
			return verifier;
		}
		AccessTokenVerifier externalChecked = (token) -> notRevoked(externalVerifier.verify(token), revoked);
		return new KeyIdRoutingAccessTokenVerifier(verifier, (kid) -> keyring.current().find(kid).isPresent(),
				externalChecked, settings.maxTokenLength());
	}

	// the deny-list applies to an external provider's tokens too (revoke, sign out everywhere)
	private static VerifiedAccessToken notRevoked(VerifiedAccessToken verified, AccessTokenRevocations revoked)
			throws InvalidTokenException {
		if (verified.jti() != null && revoked.isRevoked(verified.jti())) {
			throw new InvalidTokenException(InvalidTokenException.Reason.REVOKED);
		}
		return verified;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BearerTokenAuthenticationToken.class)
	static class AuthenticationProviderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Order(0)
		AccessTokenAuthenticationProvider palisadeAccessTokenAuthenticationProvider(AccessTokenVerifier verifier,
				ObjectProvider<BearerCredentialRouting> routing, ObjectProvider<AccessTokenOutcomeListener> listeners) {
			return new AccessTokenAuthenticationProvider(verifier,
					routing.getIfAvailable(BearerCredentialRouting::accessTokensOnly), listeners.orderedStream().toList());
		}
	}
}
