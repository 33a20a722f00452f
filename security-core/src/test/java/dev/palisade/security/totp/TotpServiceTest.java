package dev.palisade.security.totp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.refresh.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpServiceTest {

	private final MutableClock clock = MutableClock.startingNow();

	private final InMemoryTotpEnrollmentStore store = new InMemoryTotpEnrollmentStore();

	private final KeyringAead aead = KeyringAead.of(Keyring.<AeadKey>builder()
		.add("k1", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.AES_256_GCM, new byte[32]))
		.primary("k1")
		.build());

	private final TotpService service = new TotpService(this.store, this.aead, Totp.defaults(), this.clock, "Acme Agents");

	@Test
	void anEnrolmentCountsOnlyOnceAFirstCodeConfirmsIt() {
		TotpSetup setup = this.service.enroll("alice");
		assertThat(setup.uri()).startsWith("otpauth://totp/Acme%20Agents:alice?secret=" + setup.secret())
			.contains("&issuer=Acme%20Agents&algorithm=SHA1&digits=6&period=30");
		assertThat(setup.recoveryCodes()).hasSize(10).allMatch((code) -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
		assertThat(setup.toString()).doesNotContain(setup.secret());
		assertThat(this.service.isEnrolled("alice")).isFalse();
		assertThat(this.service.verify("alice", codeNow(setup))).as("pending enrolment").isFalse();
		assertThat(this.service.confirm("alice", "000000".equals(codeNow(setup)) ? "111111" : "000000")).isFalse();
		assertThat(this.service.confirm("alice", codeNow(setup))).isTrue();
		assertThat(this.service.isEnrolled("alice")).isTrue();
		assertThatThrownBy(() -> this.service.enroll("alice")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCodeIsGoodOneStepEitherSideAndOnlyOnce() {
		TotpSetup setup = enrolled("alice");
		this.clock.advance(Duration.ofSeconds(60));
		String previous = codeAt(setup, -30);
		String next = codeAt(setup, 30);
		String twoAgo = codeAt(setup, -60);
		assertThat(this.service.verify("alice", twoAgo)).as("two steps old").isFalse();
		assertThat(this.service.verify("alice", previous)).isTrue();
		assertThat(this.service.verify("alice", previous)).as("replayed").isFalse();
		assertThat(this.service.verify("alice", next)).isTrue();
		assertThat(this.service.verify("alice", codeNow(setup))).as("a step before one already used").isFalse();
		assertThat(this.service.verify("alice", "12345")).isFalse();
		assertThat(this.service.verify("alice", "12a456")).isFalse();
		assertThat(this.service.verify("bob", codeNow(setup))).as("not enrolled").isFalse();
	}

	@Test
	void ofConcurrentRequestsWithOneCodeExactlyOneIsAccepted() throws Exception {
		TotpSetup setup = enrolled("alice");
		this.clock.advance(Duration.ofSeconds(30));
		String code = codeNow(setup);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				tasks.add(() -> this.service.verify("alice", code));
			}
			int accepted = 0;
			for (Future<Boolean> result : pool.invokeAll(tasks)) {
				accepted += result.get() ? 1 : 0;
			}
			assertThat(accepted).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aRecoveryCodeIsSpentOnceAndIsStoredOnlyAsAHash() {
		TotpSetup setup = enrolled("alice");
		String recovery = setup.recoveryCodes().get(3);
		assertThat(this.store.find("alice").orElseThrow().recoveryCodeHashes()).noneMatch((hash) -> hash.contains(recovery));
		assertThat(this.service.verify("alice", recovery.toUpperCase())).isTrue();
		assertThat(this.service.verify("alice", recovery)).as("spent").isFalse();
		assertThat(this.service.recoveryCodesLeft("alice")).isEqualTo(9);
		assertThat(this.service.verify("bob", setup.recoveryCodes().get(4))).as("another user's code").isFalse();
	}

	@Test
	void aSealedSecretMovedToAnotherUserOpensNothing() {
		TotpSetup setup = enrolled("alice");
		TotpEnrollment alice = this.store.find("alice").orElseThrow();
		this.store.save(new TotpEnrollment("mallory", alice.sealedSecret(), true, Long.MIN_VALUE, List.of()));
		assertThat(this.service.verify("mallory", codeNow(setup))).isFalse();
		assertThat(new String(alice.sealedSecret(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(setup.secret());
	}

	@Test
	void disablingNeedsACode() {
		TotpSetup setup = enrolled("alice");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.service.disable("alice", "000000".equals(codeNow(setup)) ? "111111" : "000000")).isFalse();
		assertThat(this.service.disable("alice", codeNow(setup))).isTrue();
		assertThat(this.service.isEnrolled("alice")).isFalse();
	}

	private TotpSetup enrolled(String subject) {
		TotpSetup setup = this.service.enroll(subject);
		assertThat(this.service.confirm(subject, codeNow(setup))).isTrue();
		return setup;
	}

	private String codeNow(TotpSetup setup) {
		return codeAt(setup, 0);
	}

	private String codeAt(TotpSetup setup, int offsetSeconds) {
		return AuthenticatorApp.code(setup, this.clock.instant().plusSeconds(offsetSeconds));
	}
}
