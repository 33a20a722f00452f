package dev.palisade.security.autoconfigure.totp;

import java.nio.file.Path;

import dev.palisade.security.autoconfigure.crypto.PalisadeAeadAutoConfiguration;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.totp.InMemoryTotpEnrollmentStore;
import dev.palisade.security.totp.TotpEnrollmentStore;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.web.PalisadeEndpointPaths;
import dev.palisade.security.web.tokenendpoint.TotpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeTotpAutoConfigurationTests {

	@TempDir
	Path dir;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PalisadeAeadAutoConfiguration.class, PalisadeTotpAutoConfiguration.class));

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(TotpService.class);
			assertThat(context).doesNotHaveBean(KeyringAead.class);
		});
	}

	@Test
	void onItSealsWithTheKeyringAndServesTheEnrolmentEndpointToSignedInCallers() {
		this.runner
			.withPropertyValues("palisade.totp.enabled=true", "palisade.crypto.aead.file=" + this.dir.resolve("aead.keyring"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(KeyringAead.class);
				assertThat(context.getBean(TotpService.class).enroll("alice").recoveryCodes()).hasSize(10);
				assertThat(context).hasSingleBean(TotpEndpoint.class);
				assertThat(context.getBean("palisadeTotpEndpointPaths", PalisadeEndpointPaths.class).authenticatedPaths())
					.containsExactly("/auth/totp", "/auth/totp/confirm");
				assertThat(this.dir.resolve("aead.keyring")).exists();
			});
	}

	@Test
	void theJdbcStoreIsMigratedWithFlywayOnTheApplicationsDatabaseAndNeedsOne() throws Exception {
		org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + this.dir.resolve("app").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
		this.runner
			.withConfiguration(AutoConfigurations.of(dev.palisade.security.autoconfigure.jdbc.PalisadeJdbcAutoConfiguration.class))
			.withBean(javax.sql.DataSource.class, () -> h2)
			.withPropertyValues("palisade.totp.enabled=true", "palisade.totp.store=jdbc",
					"palisade.jdbc.migrations=flyway", "palisade.crypto.aead.file=" + this.dir.resolve("aead.keyring"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TotpEnrollmentStore.class))
					.isInstanceOf(dev.palisade.security.totp.jdbc.JdbcTotpEnrollmentStore.class);
				context.getBean(TotpService.class).enroll("carol");
			});
		try (java.sql.Connection connection = h2.getConnection();
				java.sql.ResultSet rs = connection.createStatement()
					.executeQuery("SELECT count(*) FROM palisade_totp_enrollment WHERE subject = 'carol'")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
		this.runner.withPropertyValues("palisade.totp.enabled=true", "palisade.totp.store=jdbc",
				"palisade.crypto.aead.file=" + this.dir.resolve("aead.keyring"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.totp.store"));
	}

	@Test
	void anApplicationsEnrolmentStoreIsUsed() {
		InMemoryTotpEnrollmentStore own = new InMemoryTotpEnrollmentStore();
		this.runner.withBean(TotpEnrollmentStore.class, () -> own)
			.withPropertyValues("palisade.totp.enabled=true", "palisade.crypto.aead.file=" + this.dir.resolve("aead.keyring"))
			.run((context) -> {
				context.getBean(TotpService.class).enroll("bob");
				assertThat(own.find("bob")).isPresent();
			});
	}
}
