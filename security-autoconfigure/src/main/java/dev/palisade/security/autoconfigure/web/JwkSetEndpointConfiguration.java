package dev.palisade.security.autoconfigure.web;

import java.time.Duration;

import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties;
import dev.palisade.security.token.RotatingKeyring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the public keys of the token keyring as a JWK Set (RFC 7517) at
 * {@code palisade.tokens.jwks.path}, so that other services and tools verify Palisade's tokens.
 * Only public parameters are published; HMAC keys never are. The document is rebuilt per request
 * from the current keyring, so a rotation shows at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(RotatingKeyring.class)
@ConditionalOnBooleanProperty(name = "palisade.tokens.jwks.enabled", matchIfMissing = true)
class JwkSetEndpointConfiguration {

	static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	@Bean
	@ConditionalOnMissingBean(name = "palisadeJwkSetRoute")
	RouterFunction<ServerResponse> palisadeJwkSetRoute(RotatingKeyring keyring,
			PalisadeTokenProperties properties) {
		return RouterFunctions.route()
			.GET(properties.jwks().path(),
					(request) -> ServerResponse.ok()
						.contentType(JWK_SET)
						.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
						.body(keyring.current().publicJwkSetJson()))
			.build();
	}
}
