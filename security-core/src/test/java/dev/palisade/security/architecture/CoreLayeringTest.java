package dev.palisade.security.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules of docs/ARCHITECTURE.md that concern the core module.
 */
class CoreLayeringTest {

	private static JavaClasses core;

	@BeforeAll
	static void importCore() {
		core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.palisade.security");
	}

	@Test
	void coreIsFrameworkFreeExceptTheVaultSecretsBackend() {
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackage("dev.palisade.security.secrets.vault..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("core is usable without Spring; only the Vault backend wraps spring-vault-core");
		rule.check(core);
	}

	@Test
	void coreNeverDependsOnServletOrJakartaApis() {
		noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.servlet..").check(core);
	}

	@Test
	void theImportFindsTheCoreClasses() {
		// guards the rules above against passing on an empty import
		org.assertj.core.api.Assertions.assertThat(core.containPackage("dev.palisade.security.principal")).isTrue();
	}
}
