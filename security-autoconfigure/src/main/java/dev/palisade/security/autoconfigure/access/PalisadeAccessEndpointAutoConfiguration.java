package dev.palisade.security.autoconfigure.access;

import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.actuate.PalisadeAccessEndpoint;
import dev.palisade.security.web.HandlerMethodGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The {@code palisadeaccess} Actuator endpoint, when Actuator and Spring MVC are present and the
 * endpoint is exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = PalisadeAccessAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, RequestMappingHandlerMapping.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class PalisadeAccessEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(UrlAccessRules.class)
	@ConditionalOnAvailableEndpoint
	PalisadeAccessEndpoint palisadeAccessEndpoint(ObjectProvider<RequestMappingHandlerMapping> mappings,
			UrlAccessRules rules, ObjectProvider<HandlerMethodGuard> guard, PalisadeAccessProperties properties) {
		return new PalisadeAccessEndpoint(() -> mappings.orderedStream().toList(), rules,
				guard.getIfAvailable(() -> HandlerMethodGuard.NONE), properties.defaultPolicy());
	}
}
