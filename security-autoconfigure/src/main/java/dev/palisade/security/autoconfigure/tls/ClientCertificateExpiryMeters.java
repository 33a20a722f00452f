package dev.palisade.security.autoconfigure.tls;

import java.time.Clock;
import java.time.Duration;

import dev.palisade.security.web.ClientCertificateSettings;
import dev.palisade.security.x509.ClientCertificateMapping;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code palisade.client_certificate.expiry}: seconds until the certificate each mapped client last
 * authenticated with expires (negative once it has; NaN before the client is seen), tagged with the
 * mapping's name only ({@code client}), so the series are as many as the mappings. Like Boot's
 * {@code ssl.chain.expiry} for the server's own bundles.
 */
final class ClientCertificateExpiryMeters implements MeterBinder {

	static final String NAME = "palisade.client_certificate.expiry";

	private final ClientCertificateSettings certificates;

	private final Clock clock;

	ClientCertificateExpiryMeters(ClientCertificateSettings certificates, Clock clock) {
		this.certificates = certificates;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ClientCertificateMapping mapping : this.certificates.authenticator().mapper().mappings()) {
			Gauge.builder(NAME, this, (meters) -> meters.secondsLeft(mapping.name()))
				.tag("client", mapping.name())
				.baseUnit("seconds")
				.description("Time until the client certificate a mapped client last authenticated with expires")
				.register(registry);
		}
	}

	private double secondsLeft(String mapping) {
		return this.certificates.accepted()
			.of(mapping)
			.map((certificate) -> (double) Duration.between(this.clock.instant(), certificate.notAfter()).toSeconds())
			.orElse(Double.NaN);
	}
}
