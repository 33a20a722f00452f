/**
 * Authenticated encryption with associated data over a {@link dev.palisade.security.crypto.keyring.Keyring}
 * of {@link dev.palisade.security.crypto.aead.AeadKey}s, in the style of Google Tink: the primary key
 * encrypts, any enabled key decrypts, and every ciphertext names its key. AES-256-GCM and
 * ChaCha20-Poly1305 are the JDK's; XChaCha20-Poly1305 is HChaCha20 plus the JDK's ChaCha20-Poly1305.
 */
package dev.palisade.security.crypto.aead;
