package dev.palisade.security.totp.jdbc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.refresh.MutableClock;
import dev.palisade.security.totp.AuthenticatorApp;
import dev.palisade.security.totp.Totp;
import dev.palisade.security.totp.TotpEnrollment;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.totp.TotpSetup;
import dev.palisade.security.totp.TotpStoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC enrolment store on a real PostgreSQL server and on H2, under the real {@link TotpService}. */
class JdbcTotpEnrollmentStoreTest {

	private static EmbeddedPostgres postgres;

	@TempDir
	static Path dir;

	private final MutableClock clock = MutableClock.startingNow();

	private final KeyringAead aead = KeyringAead.of(Keyring.<AeadKey>builder()
		.add("k1", KeyStatus.ENABLED, AeadKey.of(AeadAlgorithm.AES_256_GCM, new byte[32]))
		.primary("k1")
		.build());

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		JdbcTotpEnrollmentStore.initializeSchema(postgres.getPostgresDatabase());
		JdbcTotpEnrollmentStore.initializeSchema(postgres.getPostgresDatabase()); // idempotent
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void onPostgresAnEnrolmentSurvivesANewStoreAndOneCodeIsAcceptedOnceUnderConcurrency() throws Exception {
		DataSource database = postgres.getPostgresDatabase();
		TotpService service = service(new JdbcTotpEnrollmentStore(database, Clock.systemUTC()));
		TotpSetup setup = service.enroll("alice-pg");
		assertThat(service.confirm("alice-pg", code(setup, 0))).isTrue();

		TotpService restarted = service(new JdbcTotpEnrollmentStore(database, Clock.systemUTC()));
		assertThat(restarted.isEnrolled("alice-pg")).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		String code = code(setup, 0);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				tasks.add(() -> restarted.verify("alice-pg", code));
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
		assertThat(restarted.verify("alice-pg", setup.recoveryCodes().get(0))).isTrue();
		assertThat(restarted.verify("alice-pg", setup.recoveryCodes().get(0))).isFalse();
		assertThat(restarted.recoveryCodesLeft("alice-pg")).isEqualTo(9);
	}

	@Test
	void onH2TheSameRoundTripAndDeleteWork() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + dir.resolve("totp").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
		JdbcTotpEnrollmentStore.initializeSchema(h2);
		JdbcTotpEnrollmentStore store = new JdbcTotpEnrollmentStore(h2, Clock.systemUTC());
		TotpService service = service(store);
		TotpSetup setup = service.enroll("bob-h2");
		TotpEnrollment stored = store.find("bob-h2").orElseThrow();
		assertThat(stored.confirmed()).isFalse();
		assertThat(stored.recoveryCodeHashes()).hasSize(10);
		assertThat(service.confirm("bob-h2", code(setup, 0))).isTrue();
		assertThat(store.find("bob-h2").orElseThrow().confirmed()).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(service.disable("bob-h2", code(setup, 0))).isTrue();
		assertThat(store.find("bob-h2")).isEmpty();
	}

	@Test
	void aDatabaseFailureIsATotpStoreExceptionNeverAFalseAnswer() throws Exception {
		JdbcDataSource missing = new JdbcDataSource();
		missing.setURL("jdbc:h2:file:" + dir.resolve("empty").toAbsolutePath() + ";IFEXISTS=FALSE");
		JdbcTotpEnrollmentStore store = new JdbcTotpEnrollmentStore(missing, Clock.systemUTC()); // no table
		assertThatThrownBy(() -> service(store).isEnrolled("carol")).isInstanceOf(TotpStoreException.class)
			.hasMessageContaining("SQLState");
	}

	private TotpService service(JdbcTotpEnrollmentStore store) {
		return new TotpService(store, this.aead, Totp.defaults(), this.clock, "Acme");
	}

	private String code(TotpSetup setup, int offsetSeconds) {
		return AuthenticatorApp.code(setup, this.clock.instant().plusSeconds(offsetSeconds));
	}
}
