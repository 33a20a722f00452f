/**
 * Time-based one-time passwords (RFC 6238) as a second factor: {@link Totp} computes and checks
 * codes, {@link TotpService} enrols a user (secret sealed with an {@code Aead}, recovery codes
 * hashed), verifies a code at most once per time step, and spends recovery codes once.
 */
package dev.palisade.security.totp;
