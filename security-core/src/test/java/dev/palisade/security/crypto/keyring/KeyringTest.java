package dev.palisade.security.crypto.keyring;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyringTest {

	private static final Secret ONE = new Secret("one-material");

	private static final Secret TWO = new Secret("two-material");

	@Test
	void thePrimaryMakesOutputsAndEveryEnabledKeyChecksThem() {
		Keyring<Secret> keyring = Keyring.of("k1", ONE).withAdded("k2", TWO);
		assertThat(keyring.primaryId()).isEqualTo("k1");
		assertThat(keyring.primary()).isSameAs(ONE);
		assertThat(keyring.find("k2")).containsSame(TWO);
		assertThat(keyring.enabledKeys()).containsExactly(ONE, TWO);
	}

	@Test
	void aPublishedKeyIsPromotedAndTheOldPrimaryKeepsChecking() {
		Keyring<Secret> rotated = Keyring.of("k1", ONE).withAdded("k2", TWO).withPrimary("k2");
		assertThat(rotated.primary()).isSameAs(TWO);
		assertThat(rotated.find("k1")).containsSame(ONE);
		assertThat(rotated.enabledKeys()).containsExactly(TWO, ONE);
	}

	@Test
	void disabledDestroyedAndUnknownKeysCheckNothing() {
		Keyring<Secret> keyring = Keyring.of("k1", ONE).withAdded("k2", TWO).withAdded("k3", new Secret("three"));
		Keyring<Secret> changed = keyring.withStatus("k2", KeyStatus.DISABLED).withStatus("k3", KeyStatus.DESTROYED);
		assertThat(changed.find("k2")).isEmpty();
		assertThat(changed.find("k3")).isEmpty();
		assertThat(changed.find("nope")).isEmpty();
		assertThat(changed.find(null)).isEmpty();
		assertThat(changed.status("k2")).contains(KeyStatus.DISABLED);
		assertThat(changed.entries()).extracting(Keyring.Entry::key).containsExactly(ONE, TWO, null);
		assertThat(changed.withStatus("k2", KeyStatus.ENABLED).find("k2")).containsSame(TWO);
		assertThat(keyring.find("k2")).as("the original keyring is unchanged").containsSame(TWO);
	}

	@Test
	void thePrimaryCannotBeDisabledDestroyedOrRemoved() {
		Keyring<Secret> keyring = Keyring.of("k1", ONE).withAdded("k2", TWO);
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withStatus("k1", KeyStatus.DISABLED));
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withStatus("k1", KeyStatus.DESTROYED));
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withRemoved("k1"));
	}

	@Test
	void onlyAnEnabledKnownKeyCanBecomePrimary() {
		Keyring<Secret> keyring = Keyring.of("k1", ONE).withAdded("k2", TWO).withStatus("k2", KeyStatus.DISABLED);
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withPrimary("k2"));
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withPrimary("k9"));
		assertThatExceptionOfType(InvalidKeyringException.class)
			.isThrownBy(() -> Keyring.<Secret>builder().add("k1", KeyStatus.DISABLED, ONE).primary("k1").build());
		assertThatExceptionOfType(InvalidKeyringException.class)
			.isThrownBy(() -> Keyring.<Secret>builder().add("k1", ONE).build());
	}

	@Test
	void aDestroyedKeyStaysDestroyedAndItsIdIsNeverReused() {
		Keyring<Secret> keyring = Keyring.of("k1", ONE).withAdded("k2", TWO).withStatus("k2", KeyStatus.DESTROYED);
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withStatus("k2", KeyStatus.ENABLED));
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withAdded("k2", TWO));
	}

	@Test
	void keyIdsAreUniqueNonBlankAndFreeOfControlCharacters() {
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> Keyring.of("k1", ONE).withAdded("k1", TWO));
		for (String bad : List.of("", " ", "a\nb", "x".repeat(257))) {
			assertThatExceptionOfType(InvalidKeyringException.class).as(bad).isThrownBy(() -> Keyring.of(bad, ONE));
		}
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> Keyring.of(null, ONE));
	}

	@Test
	void toStringAndErrorsNameIdsButNeverKeyMaterial() {
		Keyring<Secret> keyring = Keyring.of("k1", ONE).withAdded("k2", TWO).withStatus("k2", KeyStatus.DISABLED);
		assertThat(keyring).hasToString("Keyring[primary=k1, keys={k1=ENABLED, k2=DISABLED}]");
		assertThat(keyring.entries().get(0).toString()).doesNotContain("material");
		assertThatExceptionOfType(InvalidKeyringException.class).isThrownBy(() -> keyring.withAdded("k1", TWO))
			.withMessageNotContaining("material");
	}

	/** A key whose toString is its material, so a leak would show. */
	record Secret(String material) {
	}

}
