package dev.palisade.security.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultServletWebSecurity;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules docs/ARCHITECTURE.md promises about auto-configuration: a user replaces any piece
 * with one {@code @Bean}.
 */
class AutoConfigurationRulesTest {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.palisade.security");
	}

	@Test
	void everyAutoConfiguredBeanBacksOffForTheApplicationsOwn() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.should(backOffForAUserBean())
			.because("every auto-configured bean must be replaceable with one @Bean")
			.check(classes);
	}

	@Test
	void autoConfigurationsAreFinalAndLiveInAutoconfigurePackages() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.resideInAPackage("dev.palisade.security.autoconfigure..")
			.andShould()
			.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
			.check(classes);
	}

	@Test
	void propertiesUseThePalisadePrefix() {
		classes().that()
			.areAnnotatedWith(ConfigurationProperties.class)
			.should(new ArchCondition<>("use a palisade.* prefix") {
				@Override
				public void check(com.tngtech.archunit.core.domain.JavaClass item, ConditionEvents events) {
					String prefix = item.getAnnotationOfType(ConfigurationProperties.class).value();
					events.add(new SimpleConditionEvent(item, prefix.startsWith("palisade."),
							item.getName() + " binds " + prefix));
				}
			})
			.check(classes);
	}

	@Test
	void theImportFindsBeanMethods() {
		assertThat(classes.stream().flatMap((c) -> c.getMethods().stream()).filter((m) -> m.isAnnotatedWith(Bean.class)))
			.hasSizeGreaterThan(5);
	}

	private static ArchCondition<JavaMethod> backOffForAUserBean() {
		DescribedPredicate<JavaMethod> conditional = DescribedPredicate.describe("conditional on a missing bean",
				(method) -> method.isAnnotatedWith(ConditionalOnMissingBean.class)
						|| method.getOwner().isAnnotatedWith(ConditionalOnDefaultServletWebSecurity.class));
		return new ArchCondition<>("be @ConditionalOnMissingBean") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				events.add(new SimpleConditionEvent(method, conditional.test(method),
						method.getFullName() + " is not @ConditionalOnMissingBean"));
			}
		};
	}
}
