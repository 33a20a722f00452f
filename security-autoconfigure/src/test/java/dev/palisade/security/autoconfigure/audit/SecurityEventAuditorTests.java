package dev.palisade.security.autoconfigure.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditProperties.RequestAuthentications;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.web.BearerCredentialRouting;
import dev.palisade.security.web.PalisadeAuthentication;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Which successes wait for an fsync: sign-ins always, ordinary requests only when asked. */
class SecurityEventAuditorTests {

	private final List<String> calls = new ArrayList<>();

	private final AuditRecorder recorder = new AuditRecorder() {
		@Override
		public void record(AuditEvent event) {
			SecurityEventAuditorTests.this.calls.add("durable:" + event.action());
		}

		@Override
		public void recordBatched(AuditEvent event) {
			SecurityEventAuditorTests.this.calls.add("batched:" + event.action());
		}
	};

	private static AuthenticationSuccessEvent bearer() {
		PalisadePrincipal principal = new PalisadePrincipal("alice", PrincipalKind.USER, "acme", null, Set.of(),
				Set.of());
		return new AuthenticationSuccessEvent(new PalisadeAuthentication(principal));
	}

	private static AuthenticationSuccessEvent signIn() {
		return new AuthenticationSuccessEvent(
				UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
	}

	private SecurityEventAuditor auditor(RequestAuthentications mode) {
		return new SecurityEventAuditor(this.recorder, BearerCredentialRouting.accessTokensOnly(), mode);
	}

	@Test
	void byDefaultARequestsAuthenticationIsBatchedAndASignInIsDurable() {
		SecurityEventAuditor auditor = auditor(RequestAuthentications.BATCHED);
		auditor.onSuccess(bearer());
		auditor.onSuccess(signIn());
		assertThat(this.calls).containsExactly("batched:access_token.authenticate", "durable:password.authenticate");
	}

	@Test
	void syncRecordsEveryRequestsAuthenticationDurably() {
		auditor(RequestAuthentications.SYNC).onSuccess(bearer());
		assertThat(this.calls).containsExactly("durable:access_token.authenticate");
	}

	@Test
	void offSkipsRequestAuthenticationsButNeverSignIns() {
		SecurityEventAuditor auditor = auditor(RequestAuthentications.OFF);
		auditor.onSuccess(bearer());
		auditor.onSuccess(signIn());
		assertThat(this.calls).containsExactly("durable:password.authenticate");
	}

	@Test
	void asAnApplicationListenerItTakesExactlyTheSecurityEventsItRecords() {
		SecurityEventAuditor auditor = auditor(RequestAuthentications.BATCHED);
		assertThat(auditor.supportsEventType(AuthenticationSuccessEvent.class)).isTrue();
		assertThat(auditor.supportsEventType(
				org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent.class))
			.isTrue();
		assertThat(auditor.supportsEventType(org.springframework.security.authorization.event.AuthorizationDeniedEvent.class))
			.isTrue();
		assertThat(auditor.supportsEventType(org.springframework.context.event.ContextRefreshedEvent.class)).isFalse();
		auditor.onApplicationEvent(bearer());
		auditor.onApplicationEvent(new org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guess"),
				new org.springframework.security.authentication.BadCredentialsException("bad")));
		assertThat(this.calls).containsExactly("batched:access_token.authenticate", "durable:password.authenticate");
	}
}
