package dev.palisade.security.autoconfigure.tls;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.security.x509.DevelopmentPki;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code palisade.tls.enabled}, the defaults of {@link PalisadeTlsProperties} as the last
 * property source, so whatever the application sets itself wins: {@code server.ssl.bundle} and
 * {@code client-auth}, and the bundle's {@code options} (protocols and ciphers; with a bundle, Boot
 * reads them there rather than from {@code server.ssl.*}), {@code verify-keys} and
 * {@code reload-on-update}; and, with
 * {@code palisade.tls.dev-pki.directory}, the development PKI: generated on first start, then
 * registered as the PEM bundle when the application configured none, with a log line showing how
 * to call the app with curl.
 */
public final class TlsDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "palisadeTlsDefaults";

	private final Log logger;

	public TlsDefaultsEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.logger = logs.getLog(TlsDefaultsEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (!binder.bind("palisade.tls.enabled", Boolean.class).orElse(false)
				|| environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		String bundle = binder.bind("palisade.tls.bundle", String.class).orElse("palisade");
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("server.ssl.bundle", bundle);
		defaults.put("server.ssl.client-auth", binder.bind("palisade.tls.client-auth", String.class).orElse("want"));
		String directory = binder.bind("palisade.tls.dev-pki.directory", String.class).orElse(null);
		boolean jks = bound(binder, "spring.ssl.bundle.jks." + bundle);
		boolean pem = bound(binder, "spring.ssl.bundle.pem." + bundle);
		if (directory != null && !jks && !pem) {
			DevelopmentPki pki = DevelopmentPki.ensure(Path.of(directory), Clock.systemUTC());
			String prefix = "spring.ssl.bundle.pem." + bundle + ".";
			defaults.put(prefix + "keystore.certificate", "file:" + pki.serverCertificate().toAbsolutePath());
			defaults.put(prefix + "keystore.private-key", "file:" + pki.serverKey().toAbsolutePath());
			defaults.put(prefix + "truststore.certificate", "file:" + pki.caCertificate().toAbsolutePath());
			defaults.put("palisade.tls.clients.trusted-ca", pki.caCertificate().toString());
			pem = true;
			this.logger.warn("Development PKI in " + pki.directory() + " (not for production). Try: curl --cacert "
					+ pki.caCertificate() + " --cert " + pki.clientCertificate("agent-runner") + " --key "
					+ pki.clientKey("agent-runner") + " https://localhost:" + environment.getProperty("server.port", "8080")
					+ "/api/v1/me");
		}
		// with server.ssl.bundle, Boot takes protocols and ciphers from the bundle's options, not server.ssl.*
		String options = "spring.ssl.bundle." + (jks ? "jks." : "pem.") + bundle + ".options.";
		if (pem) {
			// a private key that does not match its certificate fails start-up instead of every handshake
			defaults.put("spring.ssl.bundle.pem." + bundle + ".keystore.verify-keys", "true");
		}
		if (jks || pem) {
			// renewed certificate files are picked up without a restart (Boot watches them)
			defaults.put("spring.ssl.bundle." + (jks ? "jks." : "pem.") + bundle + ".reload-on-update", "true");
			defaults.put(options + "enabled-protocols", String.join(",", binder
				.bind("palisade.tls.protocols", Bindable.listOf(String.class)).orElse(List.of("TLSv1.3", "TLSv1.2"))));
			defaults.put(options + "ciphers",
					String.join(",", binder.bind("palisade.tls.ciphers", Bindable.listOf(String.class)).orElse(CIPHERS)));
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

	/** TLS 1.3's suites, then TLS 1.2's ECDHE suites with an AEAD: forward secrecy, no CBC, no RSA key exchange. */
	private static boolean bound(Binder binder, String name) {
		return binder.bind(name, Bindable.mapOf(String.class, Object.class)).isBound();
	}

	static final List<String> CIPHERS = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
			"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
