package dev.palisade.security.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads and writes the audit keys: the HMAC key as one line of base64, the Ed25519 checkpoint
 * keys as PEM ({@code PUBLIC KEY} / {@code PRIVATE KEY}). Error messages never contain key bytes.
 */
public final class AuditKeys {

	private AuditKeys() {
	}

	/** An HMAC-SHA256 key over a copy of {@code bytes}, the form a MAC keyring holds. */
	public static SecretKey hmacKey(byte[] bytes) {
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	/** A fresh Ed25519 key pair for signing checkpoints. */
	public static KeyPair generateSigningKeyPair() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is required (JDK 15+)", ex);
		}
	}

	/** Reads a base64 HMAC key of at least {@value AuditLog#MIN_HMAC_KEY_BYTES} bytes. */
	public static byte[] readHmacKey(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
		byte[] key;
		try {
			key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(text)
					: Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("HMAC key file must hold the key as base64");
		}
		if (key.length < AuditLog.MIN_HMAC_KEY_BYTES) {
			throw new IllegalArgumentException("HMAC key must be at least " + AuditLog.MIN_HMAC_KEY_BYTES + " bytes");
		}
		return key;
	}

	/** Reads an Ed25519 public key from a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo). */
	public static PublicKey readPublicKey(Path file) throws IOException {
		byte[] der = pemBody(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY");
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key");
		}
	}

	/** Reads an Ed25519 private key from a PEM {@code PRIVATE KEY} block (PKCS#8). */
	public static PrivateKey readPrivateKey(Path file) throws IOException {
		byte[] der = pemBody(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY");
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 private key");
		}
	}

	/** PEM text of a public ({@code PUBLIC KEY}) or private ({@code PRIVATE KEY}) key. */
	public static String toPem(Key key) {
		String type = (key instanceof PrivateKey) ? "PRIVATE KEY" : "PUBLIC KEY";
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	/** Base64 text of an HMAC key, the format {@link #readHmacKey} reads. */
	public static String toBase64(byte[] hmacKey) {
		return Base64.getEncoder().encodeToString(hmacKey);
	}

	private static byte[] pemBody(String pem, String type) {
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int start = pem.indexOf(begin);
		int stop = pem.indexOf(end);
		if (start < 0 || stop < start) {
			throw new IllegalArgumentException("expected a PEM " + type + " block");
		}
		try {
			return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("PEM " + type + " block is not valid base64");
		}
	}
}
