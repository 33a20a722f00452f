package dev.palisade.security.autoconfigure.tls;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.palisade.security.web.ClientCertificateSettings;
import dev.palisade.security.x509.CertificateInfo;
import dev.palisade.security.x509.ClientCertificateMapping;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/palisadecertificates}: every certificate Palisade knows beside the server's own
 * (which Spring Boot reports: the {@code ssl} health indicator and {@code ssl.chain.expiry}): the
 * clients' trust anchors and, per mapped client, the certificate it last authenticated with
 * (subject, issuer, serial, not-after, days left), each flagged {@code expiring} within
 * {@code palisade.tls.expiry-warning}. A client not seen since start-up is listed without one.
 */
@Endpoint(id = PalisadeCertificatesEndpoint.ID)
public final class PalisadeCertificatesEndpoint {

	/** The endpoint id. */
	public static final String ID = "palisadecertificates";

	private final ClientCertificateSettings certificates;

	private final Duration warning;

	private final Clock clock;

	public PalisadeCertificatesEndpoint(ClientCertificateSettings certificates, Duration warning, Clock clock) {
		this.certificates = certificates;
		this.warning = warning;
		this.clock = clock;
	}

	@ReadOperation
	public Map<String, Object> certificates() {
		Instant now = this.clock.instant();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (X509Certificate anchor : this.certificates.authenticator().validator().trustAnchors()) {
			rows.add(row("trust_anchor", null, Optional.of(CertificateInfo.of(anchor)), now));
		}
		for (ClientCertificateMapping mapping : this.certificates.authenticator().mapper().mappings()) {
			rows.add(row("client", mapping.name(), this.certificates.accepted().of(mapping.name()), now));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("warningDays", this.warning.toDays());
		body.put("certificates", rows);
		return body;
	}

	private Map<String, Object> row(String kind, String name, Optional<CertificateInfo> info, Instant now) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("kind", kind);
		if (name != null) {
			row.put("name", name);
		}
		row.put("seen", info.isPresent());
		info.ifPresent((certificate) -> {
			row.put("subject", certificate.subject());
			row.put("issuer", certificate.issuer());
			row.put("serial", certificate.serial());
			row.put("notAfter", certificate.notAfter().toString());
			long daysLeft = certificate.daysLeft(now);
			row.put("daysLeft", daysLeft);
			row.put("expiring", !certificate.notAfter().isAfter(now.plus(this.warning)));
		});
		return row;
	}
}
