package dev.palisade.sample;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.palisade.security.totp.Totp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP as a second factor on the real server: a user enrols, confirms with a code computed the way
 * an authenticator app does, and from then on a password sign-in needs a code; a wrong, missing or
 * replayed code gets the same invalid_grant as a wrong password, and a recovery code works once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.totp.issuer=TotpSignInHttpTests",
				"palisade.rate-limit.enabled=false" })
class TotpSignInHttpTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void enrolConfirmThenSignInNeedsAnUnusedCode() throws Exception {
		String token = accessToken(signIn("globex-viewer", null));
		HttpResponse<String> enrol = send(at("/auth/totp").header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(enrol.statusCode()).isEqualTo(201);
		assertThat(enrol.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
		Map<?, ?> setup = JSON.readValue(enrol.body(), Map.class);
		byte[] secret = base32((String) setup.get("secret"));
		assertThat((String) setup.get("otpauth_uri")).startsWith("otpauth://totp/TotpSignInHttpTests:globex-viewer?");
		List<?> recovery = (List<?>) setup.get("recovery_codes");
		assertThat(recovery).hasSize(10);

		// pending: the password alone still signs in
		assertThat(signIn("globex-viewer", null).statusCode()).isEqualTo(200);
		HttpResponse<String> wrong = confirm(token, "000000".equals(code(secret, 0)) ? "111111" : "000000");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		// the right code without the password (as with a stolen access token alone) is refused too
		assertThat(send(at("/auth/totp/confirm").header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code(secret, 0) + "\"}"))).statusCode())
			.isEqualTo(401);
		assertThat(confirm(token, code(secret, 0)).statusCode()).isEqualTo(204);

		HttpResponse<String> noCode = signIn("globex-viewer", null);
		HttpResponse<String> wrongPassword = send(form("grant_type=password&username=globex-viewer&password=nope"));
		assertThat(noCode.statusCode()).isEqualTo(400);
		assertThat(noCode.body()).isEqualTo(wrongPassword.body()).contains("\"invalid_grant\"");
		String next = code(secret, 30);
		assertThat(signIn("globex-viewer", next).statusCode()).isEqualTo(200);
		assertThat(signIn("globex-viewer", next).statusCode()).as("the same code again").isEqualTo(400);
		assertThat(signIn("globex-viewer", "12345").statusCode()).isEqualTo(400);

		String recoveryCode = (String) recovery.get(0);
		assertThat(signIn("globex-viewer", recoveryCode).statusCode()).isEqualTo(200);
		assertThat(signIn("globex-viewer", recoveryCode).statusCode()).as("a spent recovery code").isEqualTo(400);

		// a second enrolment while one is confirmed is refused
		assertThat(send(at("/auth/totp").header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(409);
		// an API key or anonymous caller cannot enrol
		assertThat(send(at("/auth/totp").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> confirm(String token, String code) throws Exception {
		return send(at("/auth/totp/confirm").header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"password\":\"globex-viewer-password\"}")));
	}

	private HttpResponse<String> signIn(String username, String totp) throws Exception {
		return send(form("grant_type=password&username=" + username + "&password=" + username + "-password"
				+ ((totp != null) ? "&totp=" + totp : "")));
	}

	private HttpRequest.Builder form(String body) {
		return at("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String accessToken(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) JSON.readValue(response.body(), Map.class).get("access_token");
	}

	/** The code an authenticator app shows {@code offsetSeconds} from now. */
	private static String code(byte[] secret, int offsetSeconds) {
		Totp totp = Totp.defaults();
		return totp.code(secret, totp.timeStep(Instant.now().plusSeconds(offsetSeconds)));
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder at(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}
}
