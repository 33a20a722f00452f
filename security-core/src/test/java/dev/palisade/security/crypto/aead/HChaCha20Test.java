package dev.palisade.security.crypto.aead;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HChaCha20 test vector of draft-irtf-cfrg-xchacha-03, section 2.2.1. */
class HChaCha20Test {

	@Test
	void draftVector() {
		HexFormat hex = HexFormat.of();
		byte[] key = hex.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
		byte[] nonce = hex.parseHex("000000090000004a0000000031415927");
		assertThat(hex.formatHex(HChaCha20.subkey(key, nonce, 0)))
			.isEqualTo("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc");
	}

	@Test
	void readsTheNonceAtItsOffset() {
		byte[] key = new byte[32];
		byte[] nonce = new byte[20];
		nonce[4] = 7;
		byte[] atOffset = HChaCha20.subkey(key, nonce, 4);
		byte[] shifted = new byte[16];
		shifted[0] = 7;
		assertThat(atOffset).isEqualTo(HChaCha20.subkey(key, shifted, 0));
	}

}
