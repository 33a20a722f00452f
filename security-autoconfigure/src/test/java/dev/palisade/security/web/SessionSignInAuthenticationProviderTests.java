package dev.palisade.security.web;

import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.crypto.password.DelegatingPasswordHasher;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.totp.Totp;
import dev.palisade.security.totp.TotpEnrollment;
import dev.palisade.security.totp.TotpEnrollmentStore;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.totp.TotpStoreException;
import dev.palisade.security.user.PalisadeUser;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSignInAuthenticationProviderTests {

	private final DelegatingPasswordHasher hasher = DelegatingPasswordHasher.createDefault();

	private final PalisadeUser alice = new PalisadeUser("alice", this.hasher.hash("alice-password"), "acme", null,
			Set.of("org:admin"), null);

	private final KeyringAead aead = KeyringAead.of(Keyring.<AeadKey>builder()
		.add("k1", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.AES_256_GCM, new byte[32]))
		.primary("k1")
		.build());

	@Test
	void aSignInIsAPalisadePrincipalAndAnyFailureLooksTheSame() {
		SessionSignInAuthenticationProvider provider = new SessionSignInAuthenticationProvider(
				(name) -> name.equals("alice") ? Optional.of(this.alice) : Optional.empty(),
				new PasswordVerification(this.hasher), null, null);
		assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "alice-password"))
			.getPrincipal()).isInstanceOfSatisfying(PalisadePrincipal.class,
					(principal) -> assertThat(principal.org()).isEqualTo("acme"));
		assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "x")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("bob", "x")))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void theSignedInAuthenticationKeepsTheClientAddressButNotTheCodeAndSurvivesSerialization() throws Exception {
		SessionSignInAuthenticationProvider provider = new SessionSignInAuthenticationProvider(
				(name) -> name.equals("alice") ? Optional.of(this.alice) : Optional.empty(),
				new PasswordVerification(this.hasher), null, null);
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("alice",
				"alice-password");
		attempt.setDetails(new SessionSignInAuthenticationProvider.SignInDetails("123456",
				java.net.InetAddress.getByName("192.0.2.7")));
		org.springframework.security.core.Authentication signedIn = provider.authenticate(attempt);
		assertThat(signedIn.getName()).isEqualTo("alice");
		assertThat(signedIn.getDetails()).isEqualTo(new SessionSignInAuthenticationProvider.SignInDetails(null,
				java.net.InetAddress.getByName("192.0.2.7")));
		// a JDBC or Redis session store keeps the authentication serialized
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
			out.writeObject(signedIn);
		}
		try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
				new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(((org.springframework.security.core.Authentication) in.readObject()).getPrincipal())
				.isEqualTo(signedIn.getPrincipal());
		}
	}

	@Test
	void anEnrolmentStoreThatIsDownFailsClosedNeverLetsTheSignInThrough() {
		TotpEnrollmentStore down = new TotpEnrollmentStore() {
			@Override
			public Optional<TotpEnrollment> find(String subject) {
				throw new TotpStoreException("down", null);
			}

			@Override
			public void save(TotpEnrollment enrollment) {
				throw new TotpStoreException("down", null);
			}

			@Override
			public Optional<TotpEnrollment> update(String subject, UnaryOperator<TotpEnrollment> change) {
				throw new TotpStoreException("down", null);
			}

			@Override
			public boolean delete(String subject) {
				throw new TotpStoreException("down", null);
			}
		};
		SessionSignInAuthenticationProvider provider = new SessionSignInAuthenticationProvider(
				(name) -> Optional.of(this.alice), new PasswordVerification(this.hasher),
				new TotpService(down, this.aead, Totp.defaults(), java.time.Clock.systemUTC(), "test"), null);
		assertThatThrownBy(
				() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "alice-password")))
			.isInstanceOf(AuthenticationServiceException.class);
	}
}
