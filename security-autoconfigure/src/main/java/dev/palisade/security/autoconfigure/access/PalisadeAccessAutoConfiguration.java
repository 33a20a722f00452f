package dev.palisade.security.autoconfigure.access;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties;
import dev.palisade.security.autoconfigure.web.PalisadeWebSecurityAutoConfiguration;
import dev.palisade.security.method.AnnotationHandlerGuard;
import dev.palisade.security.method.PalisadeMethodAuthorizationManager;
import dev.palisade.security.web.HandlerMethodGuard;
import dev.palisade.security.web.PalisadeEndpointPaths;
import dev.palisade.security.web.HandlerMethodResolver;
import dev.palisade.security.web.MvcHandlerMethodResolver;
import dev.palisade.security.web.PalisadeRequestAuthorizationManager;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Access control from {@code palisade.access}: the compiled {@link AccessModel}, the
 * {@link AccessDecider}, the {@link UrlAccessRules}, method security for
 * {@code @RequiresPermission}/{@code @RequiresRole}, and the URL-layer
 * {@link PalisadeRequestAuthorizationManager} the default chain applies to every request.
 *
 * <p>Method security: Palisade's annotations always work (their advisor is an infrastructure bean
 * that Spring Boot's AOP auto-configuration applies). Spring Boot does not enable
 * {@code @PreAuthorize} by default; Palisade does, with {@code @EnableMethodSecurity} defaults,
 * unless the application enables method security itself.
 */
@AutoConfiguration(after = PalisadeTokenAutoConfiguration.class, before = PalisadeWebSecurityAutoConfiguration.class)
@ConditionalOnClass({ AuthorizationManager.class, MethodInvocation.class })
@EnableConfigurationProperties(PalisadeAccessProperties.class)
public final class PalisadeAccessAutoConfiguration {

	/** The bean Spring Security's {@code @EnableMethodSecurity} registers for {@code @PreAuthorize}. */
	static final String PRE_AUTHORIZE_INTERCEPTOR = "preAuthorizeAuthorizationMethodInterceptor";

	@Bean
	@ConditionalOnMissingBean
	AccessModel palisadeAccessModel(PalisadeAccessProperties properties) {
		return AccessConfigurationCompiler.model(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	AccessDecider palisadeAccessDecider(AccessModel model) {
		return new AccessDecider(model);
	}

	@Bean
	@ConditionalOnMissingBean
	UrlAccessRules palisadeUrlAccessRules(PalisadeAccessProperties properties, AccessModel model,
			ObjectProvider<PalisadeTokenProperties> tokens, ObjectProvider<PalisadeEndpointPaths> endpoints) {
		List<String> alwaysPublic = new ArrayList<>(List.of("/error"));
		PalisadeTokenProperties token = tokens.getIfAvailable();
		if (token != null && token.enabled() && token.jwks().enabled()) {
			alwaysPublic.add(token.jwks().path());
		}
		List<String> alwaysAuthenticated = new ArrayList<>();
		endpoints.orderedStream().forEach((paths) -> {
			alwaysPublic.addAll(paths.publicPaths());
			alwaysAuthenticated.addAll(paths.authenticatedPaths());
		});
		return AccessConfigurationCompiler.rules(properties, model, alwaysPublic, alwaysAuthenticated);
	}

	@Bean
	@ConditionalOnMissingBean
	PalisadeMethodAuthorizationManager palisadeMethodAuthorizationManager(AccessDecider decider,
			PalisadeAccessProperties properties) {
		return new PalisadeMethodAuthorizationManager(decider, properties.crossTenantStatus(),
				properties.platformRolePrefix());
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(name = "palisadeMethodSecurityAdvisor")
	static AuthorizationManagerBeforeMethodInterceptor palisadeMethodSecurityAdvisor(
			ObjectProvider<PalisadeMethodAuthorizationManager> manager) {
		return PalisadeMethodAuthorizationManager.interceptor(SingletonSupplier.of(manager::getObject));
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerMethodGuard palisadeHandlerMethodGuard(PalisadeMethodAuthorizationManager manager,
			ApplicationContext context) {
		return new AnnotationHandlerGuard(manager, () -> context.containsBean(PRE_AUTHORIZE_INTERCEPTOR));
	}

	/** {@code @PreAuthorize} and friends, unless the application enabled method security itself. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = PRE_AUTHORIZE_INTERCEPTOR)
	@EnableMethodSecurity
	static class PalisadeEnableMethodSecurity {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RequestAuthorizationContext.class)
	static class RequestAuthorizationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PalisadeRequestAuthorizationManager palisadeRequestAuthorizationManager(UrlAccessRules rules,
				AccessDecider decider, PalisadeAccessProperties properties,
				ObjectProvider<HandlerMethodResolver> handlers, ObjectProvider<HandlerMethodGuard> guard) {
			return new PalisadeRequestAuthorizationManager(rules, decider, properties.defaultPolicy(),
					properties.crossTenantStatus(), properties.platformRolePrefix(),
					handlers.getIfAvailable(() -> HandlerMethodResolver.NONE),
					guard.getIfAvailable(() -> HandlerMethodGuard.NONE));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(RequestMappingHandlerMapping.class)
		static class MvcHandlerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			HandlerMethodResolver palisadeHandlerMethodResolver(
					ObjectProvider<RequestMappingHandlerMapping> mappings) {
				return new MvcHandlerMethodResolver(SingletonSupplier.of(() -> mappings.orderedStream().toList()));
			}
		}
	}
}
