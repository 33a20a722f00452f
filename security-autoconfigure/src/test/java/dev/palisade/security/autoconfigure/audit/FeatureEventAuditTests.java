package dev.palisade.security.autoconfigure.audit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.GeneratedApiKey;
import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyAutoConfiguration;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.web.RateLimitDecisionListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** What other features decide reaches the audit log through their listener beans. */
class FeatureEventAuditTests {

	private final List<AuditEvent> recorded = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class,
				PalisadeRefreshAutoConfiguration.class, PalisadeAuditAutoConfiguration.class))
		.withPropertyValues("palisade.audit.path=target/feature-event-audit")
		.withBean(AuditRecorder.class, () -> this.recorded::add);

	@Test
	void refreshTokenReuseAndRevocationAreRecorded() {
		this.contextRunner.run((context) -> {
			RefreshTokenService refresh = context.getBean(RefreshTokenService.class);
			IssuedRefreshToken first = refresh.issue(new RefreshGrant("alice", "acme", "p1", java.util.Map.of()));
			RotationResult.Rotated second = (RotationResult.Rotated) refresh.rotate(first.token());
			assertThat(refresh.rotate(first.token()).isRotated()).isFalse(); // replay: the family dies
			IssuedRefreshToken other = refresh.issue(RefreshGrant.of("bob"));
			refresh.revokeToken(other.token());
			assertThat(this.recorded).anySatisfy((event) -> {
				assertThat(event.action()).isEqualTo(AuditActions.REFRESH_TOKEN_REUSE);
				assertThat(event.result()).isEqualTo(AuditResult.FAILURE);
				assertThat(event.resource().id()).isEqualTo(second.token().familyId());
				assertThat(event.resource().org()).isEqualTo("acme");
			});
			assertThat(this.recorded).anySatisfy((event) -> {
				assertThat(event.action()).isEqualTo(AuditActions.REFRESH_TOKEN_REVOKE);
				assertThat(event.resource().id()).isEqualTo(other.familyId());
			});
			assertThat(this.recorded.toString()).doesNotContain(first.token()).doesNotContain(other.token());
		});
	}

	@Test
	void apiKeyCreationRotationAndRevocationAreRecordedWithoutTheKey() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(PalisadeApiKeyAutoConfiguration.class))
			.run((context) -> {
				ApiKeyService keys = context.getBean(ApiKeyService.class);
				GeneratedApiKey created = keys.create(new ApiKeyCreateRequest("ci", "alice", PrincipalKind.USER, "acme",
						null, Set.of("agents:read"), null), Set.of("agents:*"));
				GeneratedApiKey rotated = keys.rotate(created.keyId(), Set.of("agents:*"));
				keys.revoke(rotated.keyId());
				assertThat(this.recorded).extracting(AuditEvent::action)
					.containsSubsequence(AuditActions.API_KEY_CREATE, AuditActions.API_KEY_ROTATE,
							AuditActions.API_KEY_REVOKE);
				assertThat(this.recorded).allSatisfy((event) -> assertThat(event.resource().org()).isEqualTo("acme"));
				assertThat(this.recorded.toString()).doesNotContain(created.plaintext())
					.doesNotContain(rotated.plaintext());
			});
	}

	@Test
	void rateLimitRefusalsAreRecordedAndAllowedDecisionsAreNot() {
		this.contextRunner.run((context) -> {
			RateLimitDecisionListener listener = context.getBean("palisadeRateLimitAuditListener",
					RateLimitDecisionListener.class);
			listener.onDecision(new RateLimitDecision(true, "api", 10, 9, Duration.ofSeconds(1), Duration.ZERO,
					RateLimitDecision.Basis.BACKEND));
			listener.onDecision(new RateLimitDecision(false, "api", 10, 0, Duration.ofSeconds(1), Duration.ofSeconds(1),
					RateLimitDecision.Basis.BACKEND));
			assertThat(this.recorded).singleElement().satisfies((event) -> {
				assertThat(event.action()).isEqualTo(AuditActions.RATE_LIMIT);
				assertThat(event.result()).isEqualTo(AuditResult.THROTTLED);
				assertThat(event.details()).containsEntry("policy", "api");
			});
		});
	}
}
