package dev.palisade.security.autoconfigure.refresh;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.refresh.jdbc.JdbcRefreshTokenStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration end to end on a real PostgreSQL server: {@code store=jdbc} with the opt-in
 * schema initializer, then sign-in, rotation, reuse detection, sign-out everywhere and the sweeper.
 */
class RefreshPostgresStoreTests {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	private final TestClock clock = new TestClock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeRefreshAutoConfiguration.class))
		.withBean(DataSource.class, () -> dataSource)
		.withBean(TestClock.class, () -> this.clock)
		.withPropertyValues("palisade.refresh.store=jdbc", "palisade.refresh.jdbc.initialize-schema=true",
				"palisade.refresh.idle-timeout=1h");

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		dataSource = postgres.getPostgresDatabase();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void schemaIsCreatedAndFamiliesLiveAcrossRestarts() {
		String[] token = new String[1];
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(RefreshTokenStore.class)).isInstanceOf(JdbcRefreshTokenStore.class)
				.hasToString("JdbcRefreshTokenStore[POSTGRESQL]");
			token[0] = context.getBean(RefreshTokenService.class).issue(RefreshGrant.of("carol")).token();
		});
		// a second start runs the idempotent initializer again and finds the family
		this.contextRunner.run((context) -> assertThat(context.getBean(RefreshTokenService.class).rotate(token[0])
			.isRotated()).isTrue());
	}

	@Test
	void reuseRevokesTheFamilySoTheNewTokenDiesToo() {
		this.contextRunner.run((context) -> {
			RefreshTokenService service = context.getBean(RefreshTokenService.class);
			IssuedRefreshToken first = service.issue(RefreshGrant.of("dave"));
			IssuedRefreshToken second = service.rotate(first.token()).orElseThrow().token();
			assertThat(service.rotate(first.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
			assertThat(service.rotate(second.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
		});
	}

	@Test
	void signOutEverywhereRevokesEveryFamilyOfTheSubjectOnly() {
		this.contextRunner.run((context) -> {
			RefreshTokenService service = context.getBean(RefreshTokenService.class);
			IssuedRefreshToken laptop = service.issue(RefreshGrant.of("erin"));
			IssuedRefreshToken phone = service.issue(RefreshGrant.of("erin"));
			IssuedRefreshToken other = service.issue(RefreshGrant.of("frank"));
			assertThat(service.revokeAllForSubject("erin")).isEqualTo(2);
			assertThat(service.rotate(laptop.token()).isRotated()).isFalse();
			assertThat(service.rotate(phone.token()).isRotated()).isFalse();
			assertThat(service.rotate(other.token()).isRotated()).isTrue();
		});
	}

	@Test
	void sweeperDeletesIdleExpiredRows() {
		this.contextRunner.withPropertyValues("palisade.refresh.sweep.batch-size=3").run((context) -> {
			RefreshTokenService service = context.getBean(RefreshTokenService.class);
			for (int i = 0; i < 7; i++) {
				service.issue(RefreshGrant.of("sweep-" + i));
			}
			long before = count("sweep-%");
			this.clock.advance(Duration.ofHours(2));
			assertThat(context.getBean(RefreshTokenSweeper.class).sweepOnce()).isGreaterThanOrEqualTo(7);
			assertThat(before).isEqualTo(7);
			assertThat(count("sweep-%")).isZero();
		});
	}

	private static long count(String subjectPattern) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT count(*) FROM palisade_refresh_family WHERE subject LIKE '" + subjectPattern + "'")) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
