package dev.palisade.security.autoconfigure.tls;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.web.ClientCertificateSettings;
import dev.palisade.security.x509.AcceptedClientCertificates;
import dev.palisade.security.x509.ClientCertificateAuthenticator;
import dev.palisade.security.x509.ClientCertificateMapper;
import dev.palisade.security.x509.ClientCertificateMapping;
import dev.palisade.security.x509.ClientCertificateValidator;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Client certificates as credentials ({@code palisade.tls.clients}), when at least one mapping is
 * configured: the clients' CA (and CRL) loaded and checked at start-up, the mappings, and the
 * {@link ClientCertificateSettings} that {@code PalisadeHttpConfigurer} turns into the mTLS filter.
 * HTTPS itself is Spring Boot's ({@code server.ssl.*}, with {@link TlsDefaultsEnvironmentPostProcessor}'s
 * defaults under {@code palisade.tls.enabled}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("palisade.tls.clients.mappings[0].value")
@EnableConfigurationProperties(PalisadeTlsProperties.class)
public final class PalisadeTlsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PalisadeTlsAutoConfiguration.class);

	private static final String TRUSTED_CA = "palisade.tls.clients.trusted-ca";

	private static final String CRL = "palisade.tls.clients.crl";

	@Bean
	@ConditionalOnMissingBean
	ClientCertificateSettings palisadeClientCertificates(PalisadeTlsProperties properties, ObjectProvider<Clock> clock) {
		PalisadeTlsProperties.Clients clients = properties.clients();
		if (clients.trustedCa() == null) {
			throw new InvalidPalisadePropertyException(TRUSTED_CA, "is not set but client certificates are mapped",
					"Point it at the PEM file of the CA that issues your clients' certificates.", null);
		}
		List<X509Certificate> trusted = certificates(clients.trustedCa());
		List<X509CRL> crls = (clients.crl() != null) ? List.of(crl(clients.crl())) : List.of();
		ClientCertificateValidator validator;
		try {
			validator = new ClientCertificateValidator(trusted, crls, clock.getIfAvailable(Clock::systemUTC));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPalisadePropertyException(CRL, ex.getMessage(), "Use a CRL that conforms to RFC 5280.", null);
		}
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		ClientCertificateAuthenticator authenticator = new ClientCertificateAuthenticator(validator,
				new ClientCertificateMapper(mappings(clients.mappings())), time, clients.cacheTtl(), 10_000);
		ClientCertificateSettings settings = new ClientCertificateSettings(authenticator, clients.requiredPaths(),
				clients.forwardedHeader(), new AcceptedClientCertificates());
		warnOfExpiringAnchors(trusted, properties.expiryWarning(), clock.getIfAvailable(Clock::systemUTC));
		return settings;
	}

	private static void warnOfExpiringAnchors(List<X509Certificate> anchors, Duration warning, Clock clock) {
		Instant horizon = clock.instant().plus(warning);
		for (X509Certificate anchor : anchors) {
			if (!anchor.getNotAfter().toInstant().isAfter(horizon)) {
				logger.warn("The client CA " + anchor.getSubjectX500Principal().getName() + " (" + TRUSTED_CA
						+ ") expires at " + anchor.getNotAfter().toInstant() + ", within " + warning.toDays() + " days");
			}
		}
	}

	/** The certificate report. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
	static class CertificatesEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		PalisadeCertificatesEndpoint palisadeCertificatesEndpoint(ClientCertificateSettings certificates,
				PalisadeTlsProperties properties, ObjectProvider<Clock> clock) {
			return new PalisadeCertificatesEndpoint(certificates, properties.expiryWarning(),
					clock.getIfAvailable(Clock::systemUTC));
		}
	}

	/** The client certificates' expiry gauge. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ExpiryMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeClientCertificateExpiryMeters")
		ClientCertificateExpiryMeters palisadeClientCertificateExpiryMeters(ClientCertificateSettings certificates,
				ObjectProvider<Clock> clock) {
			return new ClientCertificateExpiryMeters(certificates, clock.getIfAvailable(Clock::systemUTC));
		}
	}

	private static List<ClientCertificateMapping> mappings(List<PalisadeTlsProperties.Mapping> configured) {
		List<ClientCertificateMapping> mappings = new ArrayList<>();
		for (int i = 0; i < configured.size(); i++) {
			PalisadeTlsProperties.Mapping mapping = configured.get(i);
			String property = "palisade.tls.clients.mappings[" + i + "]";
			if (mapping.name() == null || mapping.value() == null) {
				throw new InvalidPalisadePropertyException(property, "needs a name and a value",
						"Name the client (metrics and the certificate report use the name) and the value to match.", null);
			}
			try {
				mappings.add(new ClientCertificateMapping(mapping.name(), mapping.match(), mapping.value(),
						mapping.subject(), mapping.org(), mapping.project(), Set.copyOf(mapping.roles())));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException(property, ex.getMessage(),
						"Fix the mapping (a subject-dn value must be a distinguished name such as CN=billing,O=Acme).",
						null);
			}
		}
		return mappings;
	}

	private static List<X509Certificate> certificates(String location) {
		try (InputStream in = resource(location).getInputStream()) {
			List<X509Certificate> certificates = new ArrayList<>();
			CertificateFactory.getInstance("X.509").generateCertificates(in)
				.forEach((certificate) -> certificates.add((X509Certificate) certificate));
			if (certificates.isEmpty()) {
				throw new CertificateException("no certificate in the file");
			}
			return certificates;
		}
		catch (IOException ex) {
			throw new InvalidPalisadePropertyException(TRUSTED_CA, "cannot be read (" + location + ")",
					"Point it at an existing PEM file the application can read.", ex);
		}
		catch (CertificateException ex) {
			throw new InvalidPalisadePropertyException(TRUSTED_CA, "is not a PEM certificate file (" + location + ")",
					"Point it at the CA certificate(s) in PEM (-----BEGIN CERTIFICATE-----).", ex);
		}
	}

	private static X509CRL crl(String location) {
		try (InputStream in = resource(location).getInputStream()) {
			return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
		}
		catch (IOException ex) {
			throw new InvalidPalisadePropertyException(CRL, "cannot be read (" + location + ")",
					"Point it at an existing CRL file the application can read.", ex);
		}
		catch (CertificateException | CRLException | ClassCastException ex) {
			throw new InvalidPalisadePropertyException(CRL, "is not a CRL (" + location + ")",
					"Point it at a CRL in PEM or DER.", ex);
		}
	}

	private static Resource resource(String location) {
		// a plain path is a file, as in the rest of palisade.*; "classpath:" and "file:" work too
		return (location.startsWith("classpath:") || location.startsWith("file:"))
				? new DefaultResourceLoader().getResource(location) : new FileSystemResource(location);
	}
}
