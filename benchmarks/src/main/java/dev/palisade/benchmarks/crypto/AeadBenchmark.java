package dev.palisade.benchmarks.crypto;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.Keyring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encrypt + decrypt through {@link KeyringAead} against the raw JCE baseline with the same key: one
 * cached {@code Cipher}, a random nonce from {@code SecureRandom}, init, AAD, doFinal both ways (what a
 * careful hand-written caller does). Target: Palisade at most 1.05x the baseline's time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AeadBenchmark {

	@Param({ "AES_256_GCM", "CHACHA20_POLY1305" })
	public AeadAlgorithm algorithm;

	@Param({ "1024", "65536" })
	public int size;

	private KeyringAead aead;

	private Cipher cipher;

	// a second Cipher for decryption: on Java 17 ChaCha20-Poly1305 refuses a re-init with the key and
	// nonce it just encrypted with (JDK-8305091), so the baseline cannot reuse one object both ways
	private Cipher decipher;

	private SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	private byte[] plaintext;

	private final byte[] aad = "orgs/acme/projects/p1/openai".getBytes();

	@Setup
	public void setUp() throws Exception {
		byte[] material = new byte[32];
		this.random.nextBytes(material);
		this.aead = KeyringAead.of(Keyring.of("k1", AeadKey.of(this.algorithm, material)));
		boolean gcm = this.algorithm == AeadAlgorithm.AES_256_GCM;
		this.cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
		this.decipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
		this.key = new SecretKeySpec(material, gcm ? "AES" : "ChaCha20");
		this.plaintext = new byte[this.size];
		this.random.nextBytes(this.plaintext);
	}

	@Benchmark
	public byte[] palisade() {
		return this.aead.decrypt(this.aead.encrypt(this.plaintext, this.aad), this.aad);
	}

	@Benchmark
	public byte[] rawJce() throws Exception {
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		boolean gcm = this.algorithm == AeadAlgorithm.AES_256_GCM;
		this.cipher.init(Cipher.ENCRYPT_MODE, this.key, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
		this.cipher.updateAAD(this.aad);
		byte[] ciphertext = this.cipher.doFinal(this.plaintext);
		this.decipher.init(Cipher.DECRYPT_MODE, this.key, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
		this.decipher.updateAAD(this.aad);
		return this.decipher.doFinal(ciphertext);
	}

}
