package dev.palisade.security.autoconfigure.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties.Claims;
import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties.External;
import dev.palisade.security.token.ClaimNames;
import dev.palisade.security.token.ClaimsPrincipalMapper;
import dev.palisade.security.token.external.ExternalJwkSources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens of an external identity provider, verified by Spring Security's
 * {@link NimbusJwtDecoder} over a cached, rate-limited JWK source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalIssuerConfiguration.ExternalIssuerCondition.class)
class ExternalIssuerConfiguration {

	/** The shortest time between two key-set fetches caused by tokens with unknown key ids. */
	static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	ExternalJwtAccessTokenVerifier palisadeExternalAccessTokenVerifier(PalisadeTokenProperties properties,
			ObjectProvider<Clock> clock) {
		External external = properties.external();
		String issuer = requireIssuer(external);
		requireAudiences(external);
		Duration minRefresh = MIN_REFRESH_INTERVAL.compareTo(external.jwksCacheTtl()) < 0 ? MIN_REFRESH_INTERVAL
				: external.jwksCacheTtl().dividedBy(2);
		JWKSource<SecurityContext> keys = (external.jwkSetUri() != null)
				? ExternalJwkSources.fromJwkSetUri(external.jwkSetUri(), external.jwksCacheTtl(), minRefresh,
						ExternalJwkSources.defaultRetriever())
				: ExternalJwkSources.fromIssuer(external.issuerUri(), external.jwksCacheTtl(), minRefresh,
						ExternalJwkSources.defaultRetriever());
		JOSEObjectTypeVerifier<SecurityContext> typeVerifier = external.requireAccessTokenType()
				? new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))
				: new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
						new JOSEObjectType("at+jwt"), null);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithms((algorithms) -> algorithms.addAll(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
					SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384,
					SignatureAlgorithm.PS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384)))
			.jwtProcessorCustomizer((processor) -> {
				processor.setJWSTypeVerifier(typeVerifier);
				// claims are checked by ExternalTokenValidator, which reports why a token failed
				processor.setJWTClaimsSetVerifier((claims, context) -> {
				});
			})
			.build();
		decoder.setJwtValidator(new ExternalTokenValidator(issuer, external.audiences(), properties.clockSkew(),
				clock.getIfAvailable(Clock::systemUTC)));
		Claims claims = external.claims();
		ClaimsPrincipalMapper mapper = new ClaimsPrincipalMapper(new ClaimNames(claims.roles(), claims.permissions(),
				claims.scope(), claims.org(), claims.project(), claims.kind()));
		return new ExternalJwtAccessTokenVerifier(decoder, mapper, properties.maxLength());
	}

	/**
	 * The "iss" every provider token must carry: {@code issuer-uri}, or {@code issuer} when only a
	 * JWK Set is configured. Without it, any issuer sharing the key set would be accepted.
	 */
	private static String requireIssuer(External external) {
		String issuer = (external.issuer() != null && !external.issuer().isBlank()) ? external.issuer() : null;
		if (external.issuerUri() == null) {
			if (issuer == null) {
				throw new InvalidConfigurationPropertyValueException("palisade.tokens.external.issuer", external.issuer(),
						"With only palisade.tokens.external.jwk-set-uri, set palisade.tokens.external.issuer to the"
								+ " provider's 'iss' value (or use issuer-uri instead), so tokens of other issuers are"
								+ " refused");
			}
			return issuer;
		}
		String fromUri = external.issuerUri().toString();
		if (issuer != null && !issuer.equals(fromUri)) {
			throw new InvalidConfigurationPropertyValueException("palisade.tokens.external.issuer", issuer,
					"palisade.tokens.external.issuer-uri already names the issuer: remove issuer or make it equal");
		}
		return fromUri;
	}

	/** The provider signs tokens for all its clients, ID tokens included: only listed audiences pass. */
	private static void requireAudiences(External external) {
		if (external.audiences().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("palisade.tokens.external.audiences", null,
					"Set palisade.tokens.external.audiences to the audience(s) the provider puts in tokens meant for"
							+ " this API; without it any token the provider signs for any client would be accepted");
		}
	}

	static final class ExternalIssuerCondition extends AnyNestedCondition {

		ExternalIssuerCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("palisade.tokens.external.issuer-uri")
		static final class IssuerUri {

		}

		@ConditionalOnProperty("palisade.tokens.external.jwk-set-uri")
		static final class JwkSetUri {

		}
	}
}
