package dev.palisade.security.federation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfiguredExternalIdentityLinkerTests {

	private final ConfiguredExternalIdentityLinker linker = new ConfiguredExternalIdentityLinker(List.of(
			new ExternalIdentityLink("github", null, Set.of("583231"), "acme", "agents", Set.of("project:developer")),
			new ExternalIdentityLink("google", Set.of("Acme.Example"), null, "acme", null, Set.of("org:member"))));

	@Test
	void aVerifiedEmailInALinkedDomainSignsInToItsOrg() {
		PalisadePrincipal principal = this.linker
			.link(new ExternalIdentity("google", "https://accounts.google.com", "1077", "Ada@ACME.example", true, "Ada"))
			.orElseThrow();
		assertThat(principal).isEqualTo(new PalisadePrincipal("google:1077", PrincipalKind.USER, "acme", null,
				Set.of("org:member"), Set.of()));
		assertThat(principal.getName()).isEqualTo("google:1077");
	}

	@Test
	void anUnverifiedEmailDoesNotCount() {
		assertThat(this.linker.link(new ExternalIdentity("google", null, "1077", "ada@acme.example", false, null))).isEmpty();
	}

	@Test
	void aLinkedDomainAtAnotherProviderDoesNotCount() {
		assertThat(this.linker.link(new ExternalIdentity("github", null, "9", "ada@acme.example", true, null))).isEmpty();
	}

	@Test
	void aDomainThatOnlyEndsLikeALinkedOneDoesNotCount() {
		assertThat(this.linker.link(new ExternalIdentity("google", null, "1", "eve@evilacme.example", true, null))).isEmpty();
		assertThat(this.linker.link(new ExternalIdentity("google", null, "1", "eve@acme.example@evil.example", true, null)))
			.isEmpty();
		assertThat(this.linker.link(new ExternalIdentity("google", null, "1", "acme.example@", true, null))).isEmpty();
	}

	@Test
	void aListedSubjectSignsInWithoutAnEmail() {
		assertThat(this.linker.link(new ExternalIdentity("github", null, "583231", null, false, "octocat")))
			.get()
			.extracting(PalisadePrincipal::subject, PalisadePrincipal::project)
			.containsExactly("github:583231", "agents");
		assertThat(this.linker.link(new ExternalIdentity("github", null, "583232", null, false, null))).isEmpty();
	}

	@Test
	void aLinkThatWouldAdmitEveryoneIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExternalIdentityLink("google", Set.of(), Set.of(), "acme", null, Set.of()))
			.withMessageContaining("email-domains or subjects");
	}

	@Test
	void aPrincipalSurvivesASessionStoresSerialization() throws Exception {
		PalisadePrincipal principal = new PalisadePrincipal("ada", PrincipalKind.USER, "acme", "agents",
				Set.of("project:developer"), Set.of("agents:read"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(principal);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(in.readObject()).isEqualTo(principal);
		}
	}
}
