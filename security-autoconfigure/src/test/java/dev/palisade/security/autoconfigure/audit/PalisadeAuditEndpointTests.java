package dev.palisade.security.autoconfigure.audit;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Map;

import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
import dev.palisade.security.audit.verify.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The endpoint resumes each call at the checkpoint the previous call verified, unless asked for a full pass. */
class PalisadeAuditEndpointTests {

	@TempDir
	Path dir;

	@Test
	void eachCallResumesWhereThePreviousOneLastMetACheckpoint() throws Exception {
		byte[] hmacKey = new byte[32];
		new SecureRandom().nextBytes(hmacKey);
		KeyPair signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		JsonLinesFileSink sink = new JsonLinesFileSink(this.dir, RotationPolicy.never(), java.time.Clock.systemUTC());
		try (AuditLog log = AuditLog.builder(sink, hmacKey)
			.signingKey(signing.getPrivate())
			.durability(Durability.SYNC)
			.checkpointEvery(10)
			.open()) {
			PalisadeAuditEndpoint endpoint = new PalisadeAuditEndpoint(
					new AuditVerifier(hmacKey, signing.getPublic()), sink, this.dir);
			append(log, 15);
			Map<String, Object> first = endpoint.verify(null);
			assertThat(first).containsEntry("mode", "full").containsEntry("verifiedRecords", 15L)
				.doesNotContainKey("resumedAfterSequence");
			append(log, 12);
			Map<String, Object> second = endpoint.verify(null);
			assertThat(second).containsEntry("mode", "resumed").containsEntry("resumedAfterSequence", 10L)
				.containsEntry("verifiedRecords", 27L).containsEntry("intact", true);
			Map<String, Object> third = endpoint.verify(null);
			assertThat(third).containsEntry("resumedAfterSequence", 20L).containsEntry("verifiedRecords", 27L);
			assertThat(endpoint.verify("full")).containsEntry("mode", "full").containsEntry("verifiedRecords", 27L);
			assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> endpoint.verify("fast"));
		}
	}

	private static void append(AuditLog log, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(log.append(AuditEvent.builder().action("test.event").result(AuditResult.SUCCESS).build()))
				.isTrue();
		}
	}
}
