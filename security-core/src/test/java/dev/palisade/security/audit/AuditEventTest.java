package dev.palisade.security.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditEventTest {

	@Test
	void traceIdComesFromAValidTraceparentAndMalformedHeadersAreIgnored() {
		assertThat(AuditEvent.traceIdFromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(AuditEvent.traceIdFromTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
		assertThat(AuditEvent.traceIdFromTraceparent("garbage\nInjected: yes")).isNull();
		assertThat(AuditEvent.traceIdFromTraceparent(null)).isNull();
	}

	@Test
	void invalidExplicitTraceIdIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditEvent.builder().action("a").result(AuditResult.SUCCESS).traceId("xyz").build());
	}

	@Test
	void actionAndResultAreRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditEvent.builder().action(" ").result(AuditResult.SUCCESS).build());
		org.assertj.core.api.Assertions.assertThatNullPointerException()
			.isThrownBy(() -> AuditEvent.builder().action("a").build());
	}

	@Test
	void longUserAgentsAreCut() {
		AuditEvent event = AuditEvent.builder().action("a").result(AuditResult.SUCCESS).userAgent("x".repeat(5000)).build();
		assertThat(event.userAgent()).hasSize(AuditEvent.MAX_TEXT_LENGTH);
	}

	@Test
	void actorFromPrincipalCarriesKindIdAndOrg() {
		PalisadePrincipal principal = new PalisadePrincipal("svc-1", PrincipalKind.SERVICE, "acme", null, Set.of(), Set.of());
		assertThat(AuditActor.of(principal)).isEqualTo(new AuditActor("service", "svc-1", "acme"));
	}

	@Test
	void idsAreVersion7AndOrderedEvenWithinOneMillisecond() {
		MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
		UuidV7Generator ids = new UuidV7Generator(clock);
		UUID previous = ids.next();
		for (int i = 0; i < 10_000; i++) {
			UUID next = ids.next();
			assertThat(next.version()).isEqualTo(7);
			assertThat(next.variant()).isEqualTo(2);
			assertThat(next.toString()).isGreaterThan(previous.toString());
			previous = next;
		}
		assertThat(UuidV7Generator.millisOf(ids.next())).isGreaterThanOrEqualTo(clock.millis());
	}

	@Test
	void sameEventSealsToTheSameCanonicalBytes() {
		AuditEvent event = AuditTestSupport.event(3);
		StringBuilder first = new StringBuilder();
		StringBuilder second = new StringBuilder();
		AuditEventJson.write(event, first);
		AuditEventJson.write(new AuditEvent(event.id(), event.timestamp(), event.actor(), event.action(),
				event.resource(), event.result(), event.reasonCode(), event.clientIp(), event.userAgent(),
				event.traceId(), new java.util.HashMap<>(event.details())), second);
		assertThat(first.toString()).isEqualTo(second.toString());
	}

	@Test
	void canonicalJsonSortsKeysAndEscapesControlAndQuoteCharacters() {
		StringBuilder out = new StringBuilder();
		new CanonicalJson(out).value(java.util.Map.of("b", "line\nbreak \"q\" \u0001 \ud800", "a", java.util.List.of(1, true)));
		assertThat(out).hasToString("{\"a\":[1,true],\"b\":\"line\\nbreak \\\"q\\\" \\u0001 \\ud800\"}");
	}
}
