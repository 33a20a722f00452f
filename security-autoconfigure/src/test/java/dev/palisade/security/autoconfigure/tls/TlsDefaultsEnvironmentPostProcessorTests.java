package dev.palisade.security.autoconfigure.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TlsDefaultsEnvironmentPostProcessorTests {

	@TempDir
	Path dir;

	private final TlsDefaultsEnvironmentPostProcessor processor = new TlsDefaultsEnvironmentPostProcessor(new DeferredLogs());

	@Test
	void offByDefault() {
		StandardEnvironment environment = environment(Map.of());
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.ssl.bundle")).isNull();
	}

	@Test
	void onWithTheDevelopmentPkiItRegistersTheBundleWithModernDefaults() {
		Path pki = this.dir.resolve("pki");
		StandardEnvironment environment = environment(
				Map.of("palisade.tls.enabled", "true", "palisade.tls.dev-pki.directory", pki.toString()));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(Files.exists(pki.resolve("ca.crt"))).isTrue();
		assertThat(environment.getProperty("server.ssl.bundle")).isEqualTo("palisade");
		assertThat(environment.getProperty("server.ssl.client-auth")).isEqualTo("want");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.palisade.keystore.certificate"))
			.isEqualTo("file:" + pki.resolve("server.crt").toAbsolutePath());
		assertThat(environment.getProperty("spring.ssl.bundle.pem.palisade.keystore.verify-keys")).isEqualTo("true");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.palisade.options.enabled-protocols"))
			.isEqualTo("TLSv1.3,TLSv1.2");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.palisade.options.ciphers")).contains("TLS_AES_256_GCM_SHA384")
			.doesNotContain("CBC")
			.doesNotContain("TLS_RSA_WITH_");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.palisade.reload-on-update")).isEqualTo("true");
		assertThat(environment.getProperty("palisade.tls.clients.trusted-ca")).isEqualTo(pki.resolve("ca.crt").toString());
	}

	@Test
	void theApplicationsOwnSettingsWinAndItsBundleIsNotReplacedByTheDevelopmentPki() {
		Path pki = this.dir.resolve("pki");
		StandardEnvironment environment = environment(Map.of("palisade.tls.enabled", "true",
				"palisade.tls.dev-pki.directory", pki.toString(), "server.ssl.client-auth", "need",
				"spring.ssl.bundle.jks.palisade.keystore.location", "file:/etc/palisade/server.p12",
				"spring.ssl.bundle.jks.palisade.options.ciphers", "TLS_AES_128_GCM_SHA256"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(Files.exists(pki)).as("no development PKI beside a configured bundle").isFalse();
		assertThat(environment.getProperty("server.ssl.client-auth")).isEqualTo("need");
		assertThat(environment.getProperty("spring.ssl.bundle.jks.palisade.options.ciphers")).isEqualTo("TLS_AES_128_GCM_SHA256");
		assertThat(environment.getProperty("spring.ssl.bundle.jks.palisade.options.enabled-protocols"))
			.isEqualTo("TLSv1.3,TLSv1.2");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.palisade.keystore.certificate")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}
}
