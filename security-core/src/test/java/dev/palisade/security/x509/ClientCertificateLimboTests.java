package dev.palisade.security.x509;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * x509-limbo's client testcases (email name constraints) through the validator and an email SAN
 * mapping per expected peer name, and its CRL testcases through the validator's path and revocation
 * checks (they are server-side vectors, so without the clientAuth usage check). Each must give
 * upstream's expected result.
 */
class ClientCertificateLimboTests {

	private static final CertificateFactory X509 = factory();

	@TestFactory
	Stream<DynamicTest> limboClientAndCrlTestcases() throws Exception {
		JsonNode cases;
		try (InputStream in = getClass().getResourceAsStream("/testvectors/x509-limbo/limbo-client-and-crl.json")) {
			cases = JsonMapper.builder().build().readTree(in).get("testcases");
		}
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode testcase : cases) {
			tests.add(DynamicTest.dynamicTest(testcase.get("id").asString(), () -> run(testcase)));
		}
		assertThat(tests).hasSize(18);
		return tests.stream();
	}

	private static void run(JsonNode testcase) throws Exception {
		boolean client = "CLIENT".equals(testcase.get("validation_kind").asString());
		List<X509Certificate> trusted = certificates(testcase.get("trusted_certs"));
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate(testcase.get("peer_certificate").asString()));
		chain.addAll(certificates(testcase.get("untrusted_intermediates")));
		List<X509CRL> crls = new ArrayList<>();
		for (JsonNode crl : testcase.get("crls")) {
			crls.add((X509CRL) X509.generateCRL(new ByteArrayInputStream(crl.asString().getBytes(StandardCharsets.US_ASCII))));
		}
		JsonNode time = testcase.get("validation_time");
		Instant at = (time == null || time.isNull()) ? Instant.now() : OffsetDateTime.parse(time.asString()).toInstant();
		boolean accepted;
		try {
			accepted = new ClientCertificateValidator(trusted, crls, Clock.fixed(at, ZoneOffset.UTC), client)
				.validate(chain) == CertificateCheck.VALID;
		}
		catch (IllegalArgumentException refusedCrl) {
			// a CRL that does not conform is refused when it is configured
			accepted = false;
		}
		for (JsonNode name : testcase.get("expected_peer_names")) {
			ClientCertificateMapper mapper = new ClientCertificateMapper(List.of(new ClientCertificateMapping("peer",
					ClientCertificateMapping.Match.SAN_EMAIL, name.get("value").asString(), null, null, null, Set.of())));
			accepted &= mapper.map(chain.get(0)).isPresent();
		}
		assertThat(accepted).as(testcase.get("description").asString())
			.isEqualTo("SUCCESS".equals(testcase.get("expected_result").asString()));
	}

	private static List<X509Certificate> certificates(JsonNode pems) throws Exception {
		List<X509Certificate> certificates = new ArrayList<>();
		for (JsonNode pem : pems) {
			certificates.add(certificate(pem.asString()));
		}
		return certificates;
	}

	private static X509Certificate certificate(String pem) throws Exception {
		return (X509Certificate) X509.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
	}

	private static CertificateFactory factory() {
		try {
			return CertificateFactory.getInstance("X.509");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
