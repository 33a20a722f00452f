package dev.palisade.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;

/** Shared fixtures for the API key tests. */
public final class ApiKeyTestData {

	public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private ApiKeyTestData() {
	}

	public static Pepper pepper(String id) {
		byte[] secret = new byte[32];
		Arrays.fill(secret, (byte) id.hashCode());
		System.arraycopy(id.getBytes(StandardCharsets.US_ASCII), 0, secret, 0, Math.min(id.length(), 32));
		return new Pepper(id, secret);
	}

	/** A record for a freshly generated key (the plaintext is thrown away). */
	public static ApiKeyRecord record(String org, Instant createdAt) {
		ParsedApiKey key = new ApiKeyFormat().generate(new SecureRandom());
		return record(key, org, createdAt);
	}

	public static ApiKeyRecord record(ParsedApiKey key, String org, Instant createdAt) {
		ApiKeyHasher hasher = new ApiKeyHasher(pepper("p1"));
		return new ApiKeyRecord(key.keyId(), "ci deploy", "user-1", PrincipalKind.USER, org, null,
				Set.of("agents:read", "agents:runs:*"), hasher.hash(key.presented()), key.presented().substring(
						key.presented().length() - 4), createdAt, null, null, null, null, null);
	}

}
