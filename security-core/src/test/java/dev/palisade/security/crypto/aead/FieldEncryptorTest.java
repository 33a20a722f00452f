package dev.palisade.security.crypto.aead;

import dev.palisade.security.crypto.keyring.Keyring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldEncryptorTest {

	private static final String ROW = "orgs/acme/projects/p1/credentials/openai#api_key";

	private final Keyring<AeadKey> keyring = Keyring.of("k1", AeadKey.generate(AeadAlgorithm.AES_256_GCM));

	private final FieldEncryptor fields = new FieldEncryptor(KeyringAead.of(this.keyring));

	@Test
	void aValueRoundTripsThroughItsTextFormAndOpensOnlyInItsRow() {
		EncryptedValue value = this.fields.encrypt("sk-abcdefghijklmnopqrstuvwxyz", ROW);
		EncryptedValue stored = EncryptedValue.parse(value.encoded());
		assertThat(stored).isEqualTo(value);
		assertThat(EncryptedValue.ofBytes(value.bytes())).isEqualTo(value);
		assertThat(this.fields.decrypt(stored, ROW)).isEqualTo("sk-abcdefghijklmnopqrstuvwxyz");
		assertThatThrownBy(() -> this.fields.decrypt(stored, "orgs/globex/projects/p1/credentials/openai#api_key"))
			.isInstanceOf(AeadException.class);
		assertThat(value.toString()).startsWith("EncryptedValue[keyId=k1, ").doesNotContain(value.encoded());
	}

	@Test
	void textThatIsNotAnEncryptedValueIsRefused() {
		assertThatThrownBy(() -> EncryptedValue.parse("sk-plaintext-by-mistake")).isInstanceOf(AeadException.class);
		assertThatThrownBy(() -> EncryptedValue.parse("%%%")).isInstanceOf(AeadException.class);
	}

	@Test
	void reencryptMovesAValueToTheNewPrimary() {
		EncryptedValue old = this.fields.encrypt("secret", ROW);
		FieldEncryptor rotated = new FieldEncryptor(KeyringAead
			.of(this.keyring.withAdded("k2", AeadKey.generate(AeadAlgorithm.CHACHA20_POLY1305)).withPrimary("k2")));
		assertThat(rotated.needsReencryption(old)).isTrue();
		EncryptedValue rewritten = rotated.reencrypt(old, ROW);
		assertThat(rewritten.keyId()).isEqualTo("k2");
		assertThat(rotated.decrypt(rewritten, ROW)).isEqualTo("secret");
		assertThat(rotated.reencrypt(rewritten, ROW)).isSameAs(rewritten);
	}

}
