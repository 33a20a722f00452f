package dev.palisade.security.autoconfigure.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys ({@code palisade.api-keys}). Keys look like {@code pal_<key id>_<secret>_<checksum>}
 * and are stored only as {@code HMAC-SHA256(pepper, key)}. A revocation takes effect at once on
 * the node that made it and on every other node within {@code cache-ttl}.
 *
 * @param enabled Whether API keys are accepted and managed.
 * @param prefix The first part of every key (2 to 16 lower-case letters or digits); lets secret
 * scanners recognise leaked keys and routes Authorization: Bearer <prefix>_... to API keys.
 * @param headerName The request header that carries a key.
 * @param acceptBearer Whether a key is also accepted as Authorization: Bearer <prefix>_...
 * @param queryParameter The name of a query parameter that may carry a key; absent (the default)
 * means keys are never read from the URL, where they would end up in logs and browser history.
 * @param maxHeaderLength A presented key longer than this many characters is refused before it is
 * parsed or looked up.
 * @param pepper The secret mixed into every stored hash, at least 32 bytes (for example
 * openssl rand -base64 48); required with the jdbc and static stores. Read it from a secret
 * store or the environment, never from a committed file. Without it the memory store uses a random
 * pepper that lives as long as the process (and its keys).
 * @param pepperId The public id stored with each hash made with pepper.
 * @param previousPeppers Older peppers whose hashes must keep verifying after a pepper rotation.
 * @param store Where keys are kept: memory, jdbc or static (declared in static-keys).
 * @param jdbc The jdbc store.
 * @param staticKeys Keys declared as hashes, for the static store.
 * @param defaultTtl Lifetime of a new key whose request names none; absent means keys do not expire.
 * @param rotationGracePeriod How long a rotated key keeps working beside its replacement.
 * @param cacheTtl How long a looked-up key is cached: the longest a revocation made on another node
 * takes to reach this one; 0 disables the cache.
 * @param cacheMaximumSize The most keys kept in the cache.
 * @param lastUsedFlushInterval How often last-use times are written to the store in one batch.
 */
@ConfigurationProperties("palisade.api-keys")
public record PalisadeApiKeyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("pal") String prefix,
		@DefaultValue("X-API-Key") String headerName, @DefaultValue("true") boolean acceptBearer,
		String queryParameter, @DefaultValue("256") int maxHeaderLength, String pepper,
		@DefaultValue("p1") String pepperId, List<PreviousPepper> previousPeppers,
		@DefaultValue("MEMORY") StoreType store, @DefaultValue Jdbc jdbc, List<StaticKey> staticKeys,
		Duration defaultTtl, @DefaultValue("24h") Duration rotationGracePeriod,
		@DefaultValue("30s") Duration cacheTtl, @DefaultValue("10000") long cacheMaximumSize,
		@DefaultValue("60s") Duration lastUsedFlushInterval) {

	public PalisadeApiKeyProperties {
		previousPeppers = (previousPeppers != null) ? List.copyOf(previousPeppers) : List.of();
		staticKeys = (staticKeys != null) ? List.copyOf(staticKeys) : List.of();
	}

	/** Whether a pepper was configured. */
	public boolean hasPepper() {
		return this.pepper != null && !this.pepper.isEmpty();
	}

	@Override
	public String toString() {
		return "PalisadeApiKeyProperties[enabled=" + this.enabled + ", prefix=" + this.prefix + ", headerName="
				+ this.headerName + ", store=" + this.store + ", pepperId=" + this.pepperId + ", pepper="
				+ (hasPepper() ? "***" : "none") + "]";
	}

	/** Where API keys are kept. */
	public enum StoreType {

		/** In memory: keys die with the process. For development and tests. */
		MEMORY,

		/** A database through the application's {@code DataSource} (PostgreSQL, or H2 embedded). */
		JDBC,

		/** Read-only keys declared as hashes in {@code palisade.api-keys.static-keys}. */
		STATIC
	}

	/**
	 * An older pepper.
	 *
	 * @param id The pepper id stored with the hashes it made.
	 * @param secret The pepper itself.
	 */
	public record PreviousPepper(String id, String secret) {

		@Override
		public String toString() {
			return "PreviousPepper[id=" + this.id + ", secret=***]";
		}
	}

	/**
	 * The jdbc store.
	 *
	 * @param initializeSchema Whether to create the table at start-up (PostgreSQL and H2) without a
	 * migration tool; otherwise Palisade's migrations run with Flyway or Liquibase
	 * (palisade.jdbc.migrations).
	 */
	public record Jdbc(@DefaultValue("false") boolean initializeSchema) {
	}

	/**
	 * A key declared in configuration. Its hash is {@code HMAC-SHA256(pepper, key)}, for example
	 * {@code printf %s "$KEY" | openssl dgst -sha256 -hmac "$PEPPER" -binary | base64}.
	 *
	 * @param id The key id (the part after the prefix).
	 * @param name A human label.
	 * @param owner Subject of the user or service account the key acts for.
	 * @param ownerKind User or service.
	 * @param org The organisation the key is scoped to.
	 * @param project The project within org, if any.
	 * @param scopes The permissions the key carries.
	 * @param hash Base64 of the 32-byte HMAC.
	 * @param pepperId The id of the pepper the hash was made with; absent means pepper-id.
	 * @param hint The last 4 characters of the key, shown in listings.
	 * @param expiresAt When the key stops working, if ever.
	 * @param revokedAt When the key was revoked, if it was.
	 * @param plan The rate-limit plan its calls count under, if any.
	 */
	public record StaticKey(String id, String name, String owner, @DefaultValue("SERVICE") OwnerKind ownerKind,
			String org, String project, Set<String> scopes, String hash, String pepperId,
			@DefaultValue("****") String hint, Instant expiresAt, Instant revokedAt, String plan) {

		public StaticKey {
			scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		}

		@Override
		public String toString() {
			return "StaticKey[id=" + this.id + ", org=" + this.org + "]";
		}
	}

	/** Who a declared key acts for. */
	public enum OwnerKind {

		/** A person. */
		USER,

		/** A service account. */
		SERVICE
	}
}
