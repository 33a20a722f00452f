package dev.palisade.security.autoconfigure.totp;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.crypto.PalisadeAeadAutoConfiguration;
import dev.palisade.security.autoconfigure.tokenendpoint.PalisadeTokenEndpointAutoConfiguration;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.jdbc.PalisadeJdbcAutoConfiguration;
import dev.palisade.security.autoconfigure.jdbc.SchemaMigrations;
import dev.palisade.security.totp.InMemoryTotpEnrollmentStore;
import dev.palisade.security.totp.Totp;
import dev.palisade.security.totp.TotpEnrollmentStore;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.totp.jdbc.JdbcTotpEnrollmentStore;
import dev.palisade.security.web.PalisadeEndpointPaths;
import dev.palisade.security.web.tokenendpoint.TokenGrantSettings;
import dev.palisade.security.web.tokenendpoint.TotpEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TOTP second factor ({@code palisade.totp.enabled}): a {@link TotpService} over an enrolment store
 * ({@code palisade.totp.store}: memory or jdbc; or a {@link TotpEnrollmentStore} bean of your own), which
 * the token endpoint consults at password sign-in, and the enrolment endpoint.
 */
@AutoConfiguration(after = { PalisadeAeadAutoConfiguration.class, PalisadeTokenEndpointAutoConfiguration.class,
		PalisadeJdbcAutoConfiguration.class },
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty("palisade.totp.enabled")
@EnableConfigurationProperties(PalisadeTotpProperties.class)
public final class PalisadeTotpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TotpEnrollmentStore palisadeTotpEnrollmentStore(PalisadeTotpProperties properties,
			ObjectProvider<DataSource> dataSource, ObjectProvider<SchemaMigrations> migrations,
			ObjectProvider<Clock> clock) {
		if (properties.store() == PalisadeTotpProperties.Store.MEMORY) {
			return new InMemoryTotpEnrollmentStore();
		}
		DataSource database = dataSource.getIfAvailable();
		if (database == null) {
			throw new InvalidPalisadePropertyException("palisade.totp.store",
					"is jdbc but the application has no DataSource",
					"Configure a DataSource (spring.datasource.url with a driver such as org.postgresql:postgresql),"
							+ " or set palisade.totp.store=memory.",
					null);
		}
		if (properties.initializeSchema()) {
			JdbcTotpEnrollmentStore.initializeSchema(database);
		}
		migrations.ifAvailable((schema) -> schema.migrate(database, "totp"));
		return new JdbcTotpEnrollmentStore(database, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	TotpService palisadeTotpService(TotpEnrollmentStore store, KeyringAead aead, PalisadeTotpProperties properties,
			ObjectProvider<Clock> clock) {
		return new TotpService(store, aead, Totp.defaults(), clock.getIfAvailable(Clock::systemUTC),
				properties.issuer());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TotpEndpoint palisadeTotpEndpoint(TotpService totp, ObjectProvider<AuditRecorder> auditRecorder,
				ObjectProvider<TokenGrantSettings> grants, ObjectProvider<PasswordVerification> passwords,
				ObjectProvider<SignInThrottle> signInThrottle, ObjectProvider<ClientIpResolver> clientIpResolver) {
			TokenGrantSettings settings = grants.getIfAvailable();
			return new TotpEndpoint(totp, auditRecorder.getIfAvailable(), (settings != null) ? settings.users() : null,
					passwords.getIfAvailable(), signInThrottle.getIfAvailable(), clientIpResolver.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean(name = "palisadeTotpEndpointPaths")
		PalisadeEndpointPaths palisadeTotpEndpointPaths(PalisadeTotpProperties properties) {
			return new PalisadeEndpointPaths(List.of(), List.of(properties.path(), properties.path() + "/confirm"));
		}

	}
}
