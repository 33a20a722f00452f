package dev.palisade.security.autoconfigure.totp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TOTP as a second factor for password sign-in ({@code palisade.totp}). Secrets are sealed with
 * the AEAD keyring ({@code palisade.crypto.aead}), which turning this on provides.
 *
 * @param enabled Whether users may enrol; an enrolled user's password sign-in then needs a code.
 * @param issuer The name authenticator apps show next to the account.
 * @param path Where a signed-in user enrols, confirms and removes the factor.
 * @param store Where enrolments are kept: memory (lost on restart) or jdbc (the application's
 * DataSource, table palisade_totp_enrollment, migrated like the other stores).
 * @param initializeSchema Whether the jdbc store creates its table itself (without a migration tool).
 */
@ConfigurationProperties("palisade.totp")
public record PalisadeTotpProperties(@DefaultValue("false") boolean enabled, @DefaultValue("Palisade") String issuer,
		@DefaultValue("/auth/totp") String path, @DefaultValue("memory") Store store,
		@DefaultValue("false") boolean initializeSchema) {

	/** Where enrolments are kept. */
	public enum Store {

		/** In this JVM's memory. */
		MEMORY,

		/** In the application's database. */
		JDBC
	}
}
