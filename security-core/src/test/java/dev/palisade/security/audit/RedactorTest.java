package dev.palisade.security.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of secret the issue lists is never written, whatever the caller puts in. */
class RedactorTest {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

	private static final String PEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----";

	private final Redactor redactor = Redactor.standard();

	@ParameterizedTest
	@ValueSource(strings = { "password", "Password", "user_password", "passwd", "client_secret", "clientSecret",
			"token", "access_token", "refreshToken", "api_key", "apiKey", "X-API-KEY", "Authorization", "cookie",
			"Set-Cookie", "private_key", "privateKey", "pepper", "credentials", "JSESSIONID", "session_id", "pin",
			"otp", "hmac-key", "signing_key" })
	void secretLookingKeysAreRedacted(String key) {
		assertThat(this.redactor.redact(Map.of(key, "hunter2"))).containsEntry(key, Redactor.REDACTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "apiKeyId", "token_type", "keyPrefix", "user", "path", "spinner", "author", "count",
			"secretName" })
	void ordinaryKeysAreKept(String key) {
		assertThat(this.redactor.redact(Map.of(key, "value-1"))).containsEntry(key, "value-1");
	}

	@Test
	void jwtValueIsRedactedUnderAnyKey() {
		assertThat(this.redactor.redact(Map.of("note", "got " + JWT))).containsEntry("note", Redactor.REDACTED);
	}

	@Test
	void bearerAndBasicCredentialsAreRedacted() {
		assertThat(this.redactor.redact(Map.of("h", "Bearer abcdefgh12345678", "b", "basic dXNlcjpwYXNzd29yZA==")))
			.containsEntry("h", Redactor.REDACTED)
			.containsEntry("b", Redactor.REDACTED);
	}

	@Test
	void pemBlocksAreRedacted() {
		assertThat(this.redactor.redact(Map.of("material", PEM))).containsEntry("material", Redactor.REDACTED);
	}

	@Test
	void palisadeKeysAndRefreshTokensAreRedacted() {
		assertThat(this.redactor.redact(Map.of("a", "pal_live_3fX9kLm2Qw7Zr8Tb", "b", "palrt_0123456789abcdefXYZ")))
			.containsEntry("a", Redactor.REDACTED)
			.containsEntry("b", Redactor.REDACTED);
	}

	@Test
	void longHexAndHighEntropyBase64AreRedacted() {
		assertThat(this.redactor.redact(Map.of("h", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
				"b", "Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A")))
			.containsEntry("h", Redactor.REDACTED)
			.containsEntry("b", Redactor.REDACTED);
	}

	@Test
	void secretAssignmentsInsideTextAreRedacted() {
		assertThat(this.redactor.redact(Map.of("query", "/cb?code=1&token=abc123")))
			.containsEntry("query", Redactor.REDACTED);
	}

	@Test
	void ordinaryValuesAreKept() {
		Map<String, Object> details = Map.of("id", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "path", "/v1/projects/42",
				"n", 42, "ok", true, "msg", "permission projects:write missing");
		assertThat(this.redactor.redact(details)).isEqualTo(details);
	}

	@Test
	void nestedMapsListsAndArraysAreRedactedRecursively() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("password", "x");
		inner.put("headers", List.of(Map.of("authorization", "abc"), JWT, "plain"));
		inner.put("keys", new Object[] { PEM, "fine" });
		inner.put("raw", new byte[] { 1, 2, 3 });
		Map<String, Object> result = this.redactor.redact(Map.of("request", inner));
		@SuppressWarnings("unchecked")
		Map<String, Object> request = (Map<String, Object>) result.get("request");
		assertThat(request).containsEntry("password", Redactor.REDACTED).containsEntry("raw", Redactor.REDACTED);
		assertThat(request.get("headers"))
			.isEqualTo(List.of(Map.of("authorization", Redactor.REDACTED), Redactor.REDACTED, "plain"));
		assertThat(request.get("keys")).isEqualTo(List.of(Redactor.REDACTED, "fine"));
	}

	@Test
	void cyclesAndDeepNestingStopAtTheDepthLimit() {
		Map<String, Object> cyclic = new java.util.HashMap<>();
		cyclic.put("self", cyclic);
		assertThat(this.redactor.redact(cyclic).toString()).contains(Redactor.TOO_DEEP);
	}

	@Test
	void extraSecretKeysCanBeAdded() {
		Redactor custom = Redactor.withExtraSecretKeys(List.of("ssn"));
		assertThat(custom.redact(Map.of("customer-SSN", "123-45-6789"))).containsEntry("customer-SSN", Redactor.REDACTED);
	}

	@Test
	void eventsRedactDetailsWhateverTheCallerPutsIn() {
		AuditEvent event = AuditEvent.builder()
			.action("login")
			.result(AuditResult.FAILURE)
			.detail("password", "hunter2")
			.detail("header", "Bearer " + JWT)
			.build();
		assertThat(event.details()).containsEntry("password", Redactor.REDACTED)
			.containsEntry("header", Redactor.REDACTED);
		assertThat(event.toString()).doesNotContain("hunter2").doesNotContain(JWT);
	}
}
