package dev.palisade.security.x509;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientCertificatesTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final CertificateAuthority ca = CertificateAuthority.create("Test CA", NOW.minus(Duration.ofDays(1)),
			Duration.ofDays(365));

	private final ClientCertificateValidator validator = new ClientCertificateValidator(
			List.of(this.ca.root().certificate()), List.of(), Clock.fixed(NOW, ZoneOffset.UTC));

	private final ClientCertificateMapper mapper = new ClientCertificateMapper(List.of(
			new ClientCertificateMapping("runner", ClientCertificateMapping.Match.SAN_URI, "spiffe://acme/agents/runner",
					"agent-runner", "acme", null, Set.of("agents:run")),
			new ClientCertificateMapping("billing", ClientCertificateMapping.Match.SAN_DNS, "Billing.Acme.Internal", null,
					"acme", null, Set.of()),
			new ClientCertificateMapping("ops", ClientCertificateMapping.Match.SAN_EMAIL, "ops@ACME.example", null, null,
					null, Set.of("platform:admin")),
			new ClientCertificateMapping("legacy", ClientCertificateMapping.Match.SUBJECT_DN, "cn=Legacy Batch", null,
					"acme", null, Set.of())));

	@Test
	void aCertificateFromTheCaForClientAuthIsValid() {
		assertThat(this.validator.validate(List.of(client(uri("spiffe://acme/agents/runner"))))).isEqualTo(CertificateCheck.VALID);
		assertThat(this.validator.validate(List.of(client(uri("spiffe://acme/agents/runner")), this.ca.root().certificate())))
			.as("with the root sent along").isEqualTo(CertificateCheck.VALID);
	}

	@Test
	void expiredNotYetValidOtherCaAndServerOnlyCertificatesAreRefusedEachForItsReason() {
		assertThat(this.validator.validate(List.of(this.ca.issueClient("old", List.of(), NOW.minus(Duration.ofDays(10)),
				Duration.ofDays(2)).certificate()))).isEqualTo(CertificateCheck.EXPIRED);
		assertThat(this.validator.validate(List.of(this.ca.issueClient("soon", List.of(), NOW.plus(Duration.ofDays(2)),
				Duration.ofDays(2)).certificate()))).isEqualTo(CertificateCheck.NOT_YET_VALID);
		CertificateAuthority other = CertificateAuthority.create("Other CA", NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
		assertThat(this.validator.validate(List.of(other.issueClient("x", List.of(), NOW.minus(Duration.ofHours(1)),
				Duration.ofDays(2)).certificate()))).isEqualTo(CertificateCheck.UNTRUSTED);
		assertThat(this.validator.validate(List.of(this.ca.issueServer("srv", List.of("localhost"), List.of(),
				NOW.minus(Duration.ofHours(1)), Duration.ofDays(2)).certificate()))).isEqualTo(CertificateCheck.NOT_FOR_CLIENT_AUTH);
		assertThat(this.validator.validate(List.of())).isEqualTo(CertificateCheck.MISSING);
	}

	@Test
	void mappingsMatchSansAndTheCanonicalSubjectDnFirstMatchWins() {
		assertThat(this.mapper.map(client(uri("spiffe://acme/agents/runner")))).get().satisfies((mapped) -> {
			assertThat(mapped.mapping()).isEqualTo("runner");
			assertThat(mapped.principal().subject()).isEqualTo("agent-runner");
			assertThat(mapped.principal().kind()).isEqualTo(PrincipalKind.CLIENT_CERT);
			assertThat(mapped.principal().roles()).containsExactly("agents:run");
		});
		assertThat(this.mapper.map(client(new GeneralName(GeneralName.dNSName, "billing.acme.internal")))).get()
			.satisfies((mapped) -> assertThat(mapped.principal().subject()).isEqualTo("billing.acme.internal"));
		assertThat(this.mapper.map(client(new GeneralName(GeneralName.rfc822Name, "ops@acme.example")))).get()
			.satisfies((mapped) -> assertThat(mapped.mapping()).isEqualTo("ops"));
		assertThat(this.mapper.map(this.ca.issueClient("Legacy Batch", List.of(), NOW, Duration.ofDays(1)).certificate()))
			.get().satisfies((mapped) -> assertThat(mapped.mapping()).isEqualTo("legacy"));
	}

	@Test
	void aSanTheMappingsDoNotNameIsUnmapped() {
		assertThat(this.mapper.map(client(uri("spiffe://acme/agents/runner-2")))).isEmpty();
		assertThat(this.mapper.map(client(uri("spiffe://evil/agents/runner")))).isEmpty();
		assertThat(this.mapper.map(client(new GeneralName(GeneralName.rfc822Name, "OPS@acme.example"))))
			.as("the local part is case-sensitive").isEmpty();
		assertThat(this.mapper.map(this.ca.issueClient("spiffe://acme/agents/runner", List.of(), NOW, Duration.ofDays(1))
			.certificate())).as("a CN that looks like the SAN is not the SAN").isEmpty();
	}

	@Test
	void aMappingWithAnUnparseableDnIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientCertificateMapping("bad",
				ClientCertificateMapping.Match.SUBJECT_DN, "not a = = dn,,", null, null, null, Set.of()));
	}

	@Test
	void theThumbprintIsBase64urlSha256OfTheDer() throws Exception {
		X509Certificate certificate = client(uri("spiffe://acme/agents/runner"));
		byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		String expected = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		assertThat(CertificateThumbprints.x5tS256(certificate)).isEqualTo(expected).hasSize(43);
		assertThat(CertificateThumbprints.matches(expected, certificate)).isTrue();
		assertThat(CertificateThumbprints.matches(expected, client(uri("spiffe://acme/other")))).isFalse();
		assertThat(CertificateThumbprints.matches(null, certificate)).isFalse();
	}

	@Test
	void theDevelopmentPkiIsGeneratedOnceOwnerOnlyAndItsClientsValidate(@TempDir Path directory) throws Exception {
		Path pki = directory.resolve("pki");
		DevelopmentPki generated = DevelopmentPki.ensure(pki, Clock.systemUTC());
		String before = Files.readString(generated.caCertificate());
		assertThat(DevelopmentPki.ensure(pki, Clock.systemUTC()).caCertificate()).content().isEqualTo(before);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.serverKey()))).isEqualTo("rw-------");
		assertThat(generated.clientKey("agent-runner")).content().startsWith("-----BEGIN PRIVATE KEY-----");
		CertificateFactory x509 = CertificateFactory.getInstance("X.509");
		X509Certificate root = (X509Certificate) x509.generateCertificate(Files.newInputStream(generated.caCertificate()));
		X509Certificate runner = (X509Certificate) x509
			.generateCertificate(Files.newInputStream(generated.clientCertificate("agent-runner")));
		assertThat(new ClientCertificateValidator(List.of(root), List.of(), Clock.systemUTC()).validate(List.of(runner)))
			.isEqualTo(CertificateCheck.VALID);
		assertThat(this.mapper.map(runner)).get().satisfies((mapped) -> assertThat(mapped.mapping()).isEqualTo("runner"));
	}

	@Test
	void theAuthenticatorRemembersAcceptedChainsButNeverPastTheLeafsExpiry() {
		Instant[] now = { NOW };
		Clock moving = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0];
			}
		};
		ClientCertificateAuthenticator authenticator = new ClientCertificateAuthenticator(
				new ClientCertificateValidator(List.of(this.ca.root().certificate()), List.of(), moving), this.mapper,
				moving, Duration.ofMinutes(5), 100);
		X509Certificate shortLived = this.ca.issueClient("runner", List.of(uri("spiffe://acme/agents/runner")),
				NOW.minus(Duration.ofMinutes(1)), Duration.ofMinutes(30)).certificate();
		ClientCertificateAuthenticator.Outcome first = authenticator.authenticate(List.of(shortLived));
		assertThat(first.client().mapping()).isEqualTo("runner");
		assertThat(first.thumbprint()).isEqualTo(CertificateThumbprints.x5tS256(shortLived));
		assertThat(authenticator.authenticate(List.of(shortLived))).isEqualTo(first);
		now[0] = NOW.plus(Duration.ofHours(1));
		assertThat(authenticator.authenticate(List.of(shortLived)).check()).as("expired meanwhile")
			.isEqualTo(CertificateCheck.EXPIRED);
		assertThat(authenticator.authenticate(List.of(client(uri("spiffe://acme/nobody")))).reasonCode())
			.isEqualTo("unmapped");
		assertThat(authenticator.authenticate(List.of()).reasonCode()).isEqualTo("missing");
	}

	private X509Certificate client(GeneralName name) {
		return this.ca.issueClient("client", List.of(name), NOW.minus(Duration.ofHours(1)), Duration.ofDays(30)).certificate();
	}

	private static GeneralName uri(String uri) {
		return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
	}
}
