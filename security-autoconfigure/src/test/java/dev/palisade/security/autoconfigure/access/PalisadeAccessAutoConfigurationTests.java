package dev.palisade.security.autoconfigure.access;

import java.util.List;
import java.util.Map;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.Permission;
import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.actuate.PalisadeAccessEndpoint;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.autoconfigure.web.PalisadeWebSecurityAutoConfiguration;
import dev.palisade.security.method.InvalidSecurityAnnotationException;
import dev.palisade.security.method.PalisadeMethodAuthorizationManager;
import dev.palisade.security.method.RequiresPermission;
import dev.palisade.security.method.RequiresRole;
import dev.palisade.security.web.HandlerMethodGuard;
import dev.palisade.security.web.HandlerMethodResolver;
import dev.palisade.security.web.PalisadeRequestAuthorizationManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeAccessAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class,
				PalisadeAccessAutoConfiguration.class, PalisadeAccessEndpointAutoConfiguration.class,
				PalisadeWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, WebMvcAutoConfiguration.class, AopAutoConfiguration.class));

	@Test
	void publishesTheModelTheDeciderTheRulesAndTheManagers() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(AccessModel.class)
			.hasSingleBean(AccessDecider.class)
			.hasSingleBean(UrlAccessRules.class)
			.hasSingleBean(PalisadeMethodAuthorizationManager.class)
			.hasSingleBean(PalisadeRequestAuthorizationManager.class)
			.hasSingleBean(HandlerMethodGuard.class)
			.hasSingleBean(HandlerMethodResolver.class)
			.hasBean("palisadeMethodSecurityAdvisor")
			.hasBean(PalisadeAccessAutoConfiguration.PRE_AUTHORIZE_INTERCEPTOR));
	}

	@Test
	void defaultRolesAndHierarchyAreBuiltIn() {
		this.contextRunner.run((context) -> {
			AccessModel model = context.getBean(AccessModel.class);
			assertThat(model.roles()).containsKeys("org:owner", "org:admin", "org:member", "project:admin",
					"project:developer", "project:viewer", "platform:admin");
			assertThat(model.satisfiesRole("org:owner", "org:member")).isTrue();
			assertThat(model.satisfiesRole("project:admin", "project:viewer")).isTrue();
			assertThat(model.satisfiesRole("org:member", "org:admin")).isFalse();
			assertThat(model.effectivePermissions("platform:admin")).containsExactly(Permission.parse("*"));
		});
	}

	@Test
	void rolesFromPropertiesExtendTheDefaults() {
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.roles[org:member]", "agents:read",
					"palisade.access.roles[billing:clerk]", "invoices:read")))
			.run((context) -> {
				AccessModel model = context.getBean(AccessModel.class);
				assertThat(model.effectivePermissions("org:member")).contains(Permission.parse("agents:read"),
						Permission.parse("org:read"));
				assertThat(model.effectivePermissions("org:owner")).contains(Permission.parse("agents:read"));
				assertThat(model.roles()).containsKey("billing:clerk");
			});
	}

	@Test
	void defaultRolesCanBeTurnedOff() {
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.default-roles", "false", "palisade.access.hierarchy",
					"a:senior > a:junior", "palisade.access.roles[a:senior]", "x:write",
					"palisade.access.roles[a:junior]", "x:read")))
			.run((context) -> assertThat(context.getBean(AccessModel.class).roles()).containsOnlyKeys("a:senior",
					"a:junior"));
	}

	@Test
	void eachBeanBacksOffForTheApplicationsOwn() {
		this.contextRunner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context.getBean(AccessModel.class)).isSameAs(context.getBean("ownModel"));
			assertThat(context.getBean(AccessDecider.class)).isSameAs(context.getBean("ownDecider"));
			assertThat(context.getBean(UrlAccessRules.class)).isSameAs(context.getBean("ownRules"));
			assertThat(context.getBean(HandlerMethodGuard.class)).isSameAs(context.getBean("ownGuard"));
			assertThat(context.getBean(HandlerMethodResolver.class)).isSameAs(context.getBean("ownResolver"));
			assertThat(context.getBean(PalisadeMethodAuthorizationManager.class))
				.isSameAs(context.getBean("ownMethodManager"));
		});
	}

	@Test
	void theApplicationsOwnMethodSecurityReplacesPalisades() {
		this.contextRunner.withUserConfiguration(OwnMethodSecurity.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(PalisadeAccessAutoConfiguration.PRE_AUTHORIZE_INTERCEPTOR)
				.doesNotHaveBean(PalisadeAccessAutoConfiguration.PalisadeEnableMethodSecurity.class));
	}

	@Test
	void accessMapEndpointNeedsExposure() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(PalisadeAccessEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=palisadeaccess")
			.run((context) -> assertThat(context).hasSingleBean(PalisadeAccessEndpoint.class));
	}

	@Test
	void cycleInTheHierarchyFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.hierarchy",
					"org:owner > org:admin > org:member, org:member > org:owner")))
			.run((context) -> assertFailure(context, "palisade.access.hierarchy",
					"role hierarchy has a cycle"));
	}

	@Test
	void unknownRoleInTheHierarchyFailsStartUp() {
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.hierarchy", "org:admin > org:ghost")))
			.run((context) -> assertFailure(context, "palisade.access.hierarchy", "org:ghost"));
	}

	@Test
	void invalidPermissionInARoleFailsStartUpNamingTheRole() {
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.roles[org:member]", "agents read")))
			.run((context) -> assertFailure(context, "palisade.access.roles[org:member]", "resource:action"));
	}

	@Test
	void ruleWithTwoRequirementsFailsStartUpNamingTheRule() {
		this.contextRunner
			.withPropertyValues("palisade.access.rules[0].pattern=/a", "palisade.access.rules[0].access=public",
					"palisade.access.rules[1].pattern=/b", "palisade.access.rules[1].permission=b:read",
					"palisade.access.rules[1].role=org-admin")
			.run((context) -> assertFailure(context, "palisade.access.rules[1]", "exactly one of"));
	}

	@Test
	void ruleWithAnUnknownRoleOrAWildcardPermissionFailsStartUp() {
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.rules[0].pattern", "/a", "palisade.access.rules[0].role",
					"org:ghost")))
			.run((context) -> assertFailure(context, "palisade.access.rules[0]", "org:ghost"));
		this.contextRunner
			.withInitializer(properties(Map.of("palisade.access.rules[0].pattern", "/a",
					"palisade.access.rules[0].permission", "a:*")))
			.run((context) -> assertFailure(context, "palisade.access.rules[0]", "wildcard"));
	}

	@Test
	void malformedOrDuplicatedPatternFailsStartUp() {
		this.contextRunner
			.withPropertyValues("palisade.access.rules[0].pattern=/a/**/b", "palisade.access.rules[0].access=deny")
			.run((context) -> assertFailure(context, "palisade.access.rules[0]", "'**'"));
		this.contextRunner
			.withPropertyValues("palisade.access.public-paths=/x/{id},/x/*")
			.run((context) -> assertFailure(context, "palisade.access.public-paths[1]", "two rules"));
	}

	@Test
	void invalidPermissionInAnAnnotationFailsStartUp() {
		this.contextRunner.withUserConfiguration(BadAnnotation.class).run((context) -> {
			assertThat(context).hasFailed();
			InvalidSecurityAnnotationException cause = findCause(context.getStartupFailure(),
					InvalidSecurityAnnotationException.class);
			assertThat(cause.location()).endsWith("BadService.wildcard");
			FailureAnalysis analysis = new InvalidSecurityAnnotationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("agents:*");
			assertThat(analysis.getAction()).contains("BadService.wildcard");
		});
	}

	@Test
	void unknownRoleOrUnknownParameterInAnAnnotationFailsStartUp() {
		this.contextRunner.withUserConfiguration(UnknownRole.class)
			.run((context) -> assertThat(findCause(context.getStartupFailure(), InvalidSecurityAnnotationException.class))
				.hasMessageContaining("org:ghost"));
		this.contextRunner.withUserConfiguration(UnknownParameter.class)
			.run((context) -> assertThat(findCause(context.getStartupFailure(), InvalidSecurityAnnotationException.class))
				.hasMessageContaining("#organisation"));
	}

	/** Property values whose keys hold ':' (role names), which withPropertyValues would split. */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> properties(Map<String, Object> values) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", values));
	}

	private static void assertFailure(AssertableWebApplicationContext context, String property, String message) {
		assertThat(context).hasFailed();
		InvalidAccessConfigurationException cause = findCause(context.getStartupFailure(),
				InvalidAccessConfigurationException.class);
		assertThat(cause.property()).isEqualTo(property);
		assertThat(cause).hasMessageContaining(message);
		FailureAnalysis analysis = new InvalidAccessConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis.getDescription()).contains(property);
		assertThat(analysis.getAction()).startsWith("Fix " + property);
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		AccessModel ownModel() {
			return AccessModel.builder().role("r:one", "x:read").build();
		}

		@Bean
		AccessDecider ownDecider(AccessModel model) {
			return new AccessDecider(model);
		}

		@Bean
		UrlAccessRules ownRules() {
			return UrlAccessRules.builder().publicPaths("/**").build();
		}

		@Bean
		HandlerMethodGuard ownGuard() {
			return HandlerMethodGuard.NONE;
		}

		@Bean
		HandlerMethodResolver ownResolver() {
			return HandlerMethodResolver.NONE;
		}

		@Bean
		PalisadeMethodAuthorizationManager ownMethodManager(AccessDecider decider) {
			return new PalisadeMethodAuthorizationManager(decider, dev.palisade.security.web.CrossTenantStatus.FORBIDDEN,
					"platform:");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity(securedEnabled = true)
	static class OwnMethodSecurity {

	}

	@Configuration(proxyBeanMethods = false)
	static class BadAnnotation {

		@Bean
		BadService badService() {
			return new BadService();
		}
	}

	static class BadService {

		@RequiresPermission("agents:*")
		public List<String> wildcard() {
			return List.of();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownRole {

		@Bean
		UnknownRoleService unknownRoleService() {
			return new UnknownRoleService();
		}
	}

	static class UnknownRoleService {

		@RequiresRole("org:ghost")
		public void haunt() {
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownParameter {

		@Bean
		UnknownParameterService unknownParameterService() {
			return new UnknownParameterService();
		}
	}

	static class UnknownParameterService {

		@RequiresPermission(value = "agents:read", org = "#organisation")
		public void read(String org) {
		}
	}
}
