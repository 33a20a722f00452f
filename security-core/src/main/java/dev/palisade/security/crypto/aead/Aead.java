package dev.palisade.security.crypto.aead;

/**
 * Authenticated encryption with associated data. The associated data is not encrypted but is bound
 * to the ciphertext: decrypting with any other associated data fails, so a ciphertext made for
 * {@code orgs/acme/projects/p1/openai} cannot be moved to another row and still open.
 */
public interface Aead {

	/**
	 * Encrypts {@code plaintext}, bound to {@code associatedData}.
	 * @param associatedData the context, may be empty; {@code null} means empty
	 */
	byte[] encrypt(byte[] plaintext, byte[] associatedData);

	/**
	 * Decrypts a ciphertext made by {@link #encrypt} with the same associated data.
	 * @throws AeadException if the ciphertext is malformed, names an unknown key or does not authenticate
	 */
	byte[] decrypt(byte[] ciphertext, byte[] associatedData);

}
