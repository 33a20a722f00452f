package dev.palisade.security.crypto.password;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashPasswordMainTest {

	@Test
	void printsADefaultHashThatVerifiesAndNeverTheInput() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = HashPasswordMain.run(stdin("runner-secret\nignored second line\n"), print(out), print(err));
		String hash = out.toString(StandardCharsets.UTF_8).strip();
		assertThat(code).isEqualTo(HashPasswordMain.EXIT_OK);
		assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("runner-secret");
		assertThat(err.size()).isZero();
		PasswordVerification verification = new PasswordVerification(DelegatingPasswordHasher.createDefault());
		assertThat(verification.verify(Optional.of(hash), "runner-secret").authenticated()).isTrue();
		assertThat(verification.verify(Optional.of(hash), "ignored second line").authenticated()).isFalse();
	}

	@Test
	void noInputOrAnOverlongPasswordIsAUsageError() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(HashPasswordMain.run(stdin(""), print(out), print(new ByteArrayOutputStream())))
			.isEqualTo(HashPasswordMain.EXIT_USAGE);
		assertThat(HashPasswordMain.run(stdin("x".repeat(10_000) + "\n"), print(out), print(new ByteArrayOutputStream())))
			.isEqualTo(HashPasswordMain.EXIT_USAGE);
		assertThat(out.size()).isZero();
	}

	private static ByteArrayInputStream stdin(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}
}
