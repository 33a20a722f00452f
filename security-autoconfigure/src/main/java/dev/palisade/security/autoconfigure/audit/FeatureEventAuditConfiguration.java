package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.apikey.ApiKeyListener;
import dev.palisade.security.apikey.ApiKeySummary;
import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshTokenListener;
import dev.palisade.security.web.RateLimitDecisionListener;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records what other Palisade features decide: refresh-token reuse and revocations, API-key
 * creation, rotation and revocation, and rate-limit refusals. Each hook is a listener bean the feature already calls, so the features
 * know nothing of the audit log.
 */
@Configuration(proxyBeanMethods = false)
class FeatureEventAuditConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RefreshTokenListener.class)
	static class RefreshTokenAuditConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeRefreshTokenAuditListener")
		RefreshTokenListener palisadeRefreshTokenAuditListener(AuditRecorder recorder) {
			return new RefreshTokenListener() {

				@Override
				public void onReuseDetected(RefreshFamily family) {
					recorder.record(event(AuditActions.REFRESH_TOKEN_REUSE, AuditResult.FAILURE, family)
						.reasonCode("reuse_detected")
						.build());
				}

				@Override
				public void onRevoked(RefreshFamily family) {
					recorder.record(event(AuditActions.REFRESH_TOKEN_REVOKE, AuditResult.SUCCESS, family).build());
				}
			};
		}

		private static AuditEvent.Builder event(String action, AuditResult result, RefreshFamily family) {
			return AuditEvent.builder()
				.action(action)
				.result(result)
				.resource(new AuditResource("refresh_family", family.familyId(), family.grant().org(),
						family.grant().project()))
				.detail("subject", family.grant().subject());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ApiKeyListener.class)
	static class ApiKeyAuditConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeApiKeyAuditListener")
		ApiKeyListener palisadeApiKeyAuditListener(AuditRecorder recorder) {
			return new ApiKeyListener() {

				@Override
				public void onCreated(ApiKeySummary key) {
					recorder.record(event(AuditActions.API_KEY_CREATE, key).build());
				}

				@Override
				public void onRotated(ApiKeySummary replacement) {
					recorder.record(event(AuditActions.API_KEY_ROTATE, replacement)
						.detail("rotatedFrom", replacement.rotatedFrom())
						.build());
				}

				@Override
				public void onRevoked(ApiKeySummary key) {
					recorder.record(event(AuditActions.API_KEY_REVOKE, key).build());
				}
			};
		}

		private static AuditEvent.Builder event(String action, ApiKeySummary key) {
			return AuditEvent.builder()
				.action(action)
				.result(AuditResult.SUCCESS)
				.resource(new AuditResource("api_key", key.id(), key.org(), key.project()))
				.detail("owner", key.ownerSubject())
				.detail("scopes", String.join(" ", new java.util.TreeSet<>(key.scopes())));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RateLimitDecisionListener.class)
	static class RateLimitAuditConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeRateLimitAuditListener")
		RateLimitDecisionListener palisadeRateLimitAuditListener(AuditRecorder recorder) {
			return (decision) -> {
				if (!decision.allowed()) {
					recorder.record(AuditEvent.builder()
						.action(AuditActions.RATE_LIMIT)
						.result(AuditResult.THROTTLED)
						.reasonCode(reasonOf(decision))
						.detail("policy", decision.policy())
						.build());
				}
			};
		}

		private static String reasonOf(RateLimitDecision decision) {
			return (decision.basis() == RateLimitDecision.Basis.FAIL_CLOSED) ? "backend_unavailable" : "rate_limited";
		}
	}
}
