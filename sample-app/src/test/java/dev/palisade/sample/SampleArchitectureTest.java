package dev.palisade.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The sample uses Palisade the way a user would: YAML, annotations and public beans. */
class SampleArchitectureTest {

	@Test
	void sampleNeverReachesIntoTheAutoConfigurationInternals() {
		JavaClasses sample = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.palisade.sample");
		assertThat(sample).isNotEmpty();
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.palisade.security.autoconfigure..", "..internal..")
			.because("the sample shows what a user writes, and users don't touch auto-configuration classes")
			.check(sample);
	}
}
