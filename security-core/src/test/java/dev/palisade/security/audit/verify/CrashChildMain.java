package dev.palisade.security.audit.verify;

import java.nio.file.Path;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;

/**
 * Child JVM of {@link CrashSafetyTest}: appends in SYNC mode from several threads until killed
 * and prints "ACK seq" for every acknowledged event. Args: log dir, hmac key file, private key file.
 */
public final class CrashChildMain {

	private CrashChildMain() {
	}

	public static void main(String[] args) throws Exception {
		byte[] hmacKey = AuditKeys.readHmacKey(Path.of(args[1]));
		JsonLinesFileSink sink = new JsonLinesFileSink(Path.of(args[0]), RotationPolicy.bySize(64 * 1024),
				java.time.Clock.systemUTC());
		AuditLog log = AuditLog.builder(sink, hmacKey)
			.signingKey(AuditKeys.readPrivateKey(Path.of(args[2])))
			.durability(Durability.SYNC)
			.checkpointEvery(50)
			.open();
		for (int t = 0; t < 4; t++) {
			Thread worker = new Thread(() -> {
				for (int i = 0;; i++) {
					long sequence = log.submit(AuditTestSupport.event(i)).join();
					synchronized (System.out) {
						System.out.println("ACK " + sequence);
						System.out.flush();
					}
				}
			});
			worker.start();
		}
		System.out.println("READY");
		System.out.flush();
	}
}
