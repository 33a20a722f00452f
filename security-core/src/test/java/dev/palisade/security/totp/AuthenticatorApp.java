package dev.palisade.security.totp;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/** What an authenticator app does with an enrolment's base32 secret, for the tests. */
public final class AuthenticatorApp {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private AuthenticatorApp() {
	}

	/** The code the app shows at {@code at}. */
	public static String code(TotpSetup setup, Instant at) {
		Totp totp = Totp.defaults();
		return totp.code(decode(setup.secret()), totp.timeStep(at));
	}

	/** RFC 4648 base32 (no padding) decoded. */
	public static byte[] decode(String base32) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.toCharArray()) {
			buffer = (buffer << 5) | ALPHABET.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
