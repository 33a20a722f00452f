/**
 * Password hashing: {@link dev.palisade.security.crypto.password.DelegatingPasswordHasher} stores
 * {@code {id}}-prefixed hashes (Argon2id by default; scrypt, PBKDF2-HMAC-SHA256 and legacy bcrypt
 * for older hashes), refuses over-long passwords before hashing, and flags weaker hashes for
 * upgrade; {@link dev.palisade.security.crypto.password.PasswordVerification} makes an unknown
 * user cost the same single hash computation as a wrong password. Key derivation is BouncyCastle's;
 * only the PHC string codec is written here.
 */
package dev.palisade.security.crypto.password;
