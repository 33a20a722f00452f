package dev.palisade.security.audit.verify;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.time.Clock;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
import dev.palisade.security.audit.AuditTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real child JVM with SIGKILL while it appends in SYNC mode, then checks that every
 * acknowledged event is in the log and the chain verifies (a torn last line is allowed).
 */
class CrashSafetyTest {

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedSyncEventSurvivesKillDashNine() throws Exception {
		Path logDir = this.dir.resolve("log");
		Path hmacKeyFile = Files.writeString(this.dir.resolve("hmac.key"), AuditKeys.toBase64(AuditTestSupport.HMAC_KEY));
		Path privateKeyFile = Files.writeString(this.dir.resolve("signing.pem"),
				AuditKeys.toPem(AuditTestSupport.SIGNING_KEYS.getPrivate()));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CrashChildMain.class.getName(), logDir.toString(), hmacKeyFile.toString(), privateKeyFile.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		List<Long> acknowledged = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("ACK ")) {
					acknowledged.add(Long.parseLong(line.substring(4)));
					if (acknowledged.size() == 300) {
						child.destroyForcibly();
						break;
					}
				}
			}
		}
		finally {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(acknowledged).hasSize(300);

		VerificationResult result = new AuditVerifier(AuditTestSupport.HMAC_KEY,
				AuditTestSupport.SIGNING_KEYS.getPublic()).verifyDirectory(logDir);
		assertThat(result.tampered()).as(result.summary()).isFalse();
		long maxAcknowledged = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
		// the chain is contiguous from 1, so every acknowledged sequence at or below the verified count is present
		assertThat(result.verifiedRecords()).as(result.summary()).isGreaterThanOrEqualTo(maxAcknowledged);
		assertThat(result.verifiedCheckpoints()).isPositive();

		// the next start cuts a torn tail and continues the same chain
		JsonLinesFileSink sink = new JsonLinesFileSink(logDir, RotationPolicy.never(), Clock.systemUTC());
		try (AuditLog log = AuditLog.builder(sink, AuditTestSupport.HMAC_KEY)
			.signingKey(AuditTestSupport.SIGNING_KEYS.getPrivate())
			.open()) {
			for (int i = 1; i <= 5; i++) {
				log.append(AuditTestSupport.event(i));
			}
		}
		VerificationResult resumed = new AuditVerifier(AuditTestSupport.HMAC_KEY,
				AuditTestSupport.SIGNING_KEYS.getPublic()).verifyDirectory(logDir);
		assertThat(resumed.intact()).as(resumed.summary()).isTrue();
		assertThat(resumed.verifiedRecords()).isEqualTo(result.verifiedRecords() + 5);
	}
}
