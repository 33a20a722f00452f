package dev.palisade.security.audit;

import java.security.KeyPair;
import java.util.Arrays;

/** Keys and events shared by the audit tests. */
public final class AuditTestSupport {

	/** A fixed 32-byte HMAC key. */
	public static final byte[] HMAC_KEY = filled(32, 7);

	/** A different key, as an attacker without the real one would use. */
	public static final byte[] ATTACKER_HMAC_KEY = filled(32, 9);

	/** The checkpoint key pair of the tests. */
	public static final KeyPair SIGNING_KEYS = AuditKeys.generateSigningKeyPair();

	private AuditTestSupport() {
	}

	/** An event numbered {@code i}. */
	public static AuditEvent event(int i) {
		return AuditEvent.builder()
			.actor(new AuditActor("api_key", "key-" + i, "acme"))
			.action("apikey.authenticate")
			.resource(new AuditResource("project", "p" + i, "acme", "p" + i))
			.result((i % 3 == 0) ? AuditResult.DENIED : AuditResult.SUCCESS)
			.reasonCode((i % 3 == 0) ? "missing_permission" : null)
			.clientIp("203.0.113." + (i % 250))
			.userAgent("curl/8.5")
			.traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.detail("n", i)
			.build();
	}

	private static byte[] filled(int length, int value) {
		byte[] key = new byte[length];
		Arrays.fill(key, (byte) value);
		return key;
	}
}
