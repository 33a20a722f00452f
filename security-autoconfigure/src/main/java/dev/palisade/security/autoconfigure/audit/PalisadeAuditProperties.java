package dev.palisade.security.autoconfigure.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.audit.BackPressure;
import dev.palisade.security.audit.Durability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The tamper-evident audit log ({@code palisade.audit}).
 * <p>
 * Keys: with the file sink and no key configured, an HMAC key and an Ed25519 checkpoint key pair
 * are generated once into {@code key-directory} (owner-only permissions) and reused after a
 * restart. That is for development: whoever can edit the log can then also read the keys. In
 * production give {@code hmac-key} (or {@code hmac-key-file}) and {@code signing-key-file} from a
 * secret store, and keep a copy of the checkpoint public key outside the log's machine.
 * <p>
 * Rotation: every record names its HMAC key's id and every checkpoint its signing key's id. To
 * rotate, give the new key a new {@code hmac-key-id} (or {@code signing-key-id}) and move the old
 * one to {@code previous-hmac-keys} (or {@code previous-verification-keys}); the chain continues
 * across the restart and the verifier checks each line with the key it names.
 *
 * @param enabled Whether security decisions are recorded.
 * @param sink Where records go: a directory of JSON-lines files, or PostgreSQL through the
 * application's DataSource.
 * @param path Directory of the file sink.
 * @param durability When an append counts as written: SYNC (default) returns after the record is
 * forced to disk, callers waiting together share one fsync; BATCHED returns at once and forces
 * every batch-interval, so a power failure loses at most batch-interval of records; ASYNC forces
 * only at checkpoints, rotation and shutdown.
 * @param backPressure What to do when the queue is full: BLOCK waits (no record is lost), DROP
 * drops and counts the record.
 * @param queueCapacity Most records waiting for the writer.
 * @param batchInterval In BATCHED mode, the longest a record waits before it is forced.
 * @param writeTimeout Longest a request waits for room in the queue or for its record's fsync;
 * after it the request is answered 503 and the failure is counted and logged.
 * @param requestAuthentications How the successful authentication of every ordinary request (a
 * bearer token, an API key, a client certificate) is recorded: OFF (default) does not record it,
 * BATCHED writes it with the next batch without making the request wait for an fsync, SYNC waits
 * like every other event. Sign-ins, failed or refused credentials, denials, admin calls and
 * lifecycle events are always recorded and follow durability.
 * @param checkpointEvery A signed checkpoint is written after this many records.
 * @param checkpointInterval A signed checkpoint is written when this much time passed and new
 * records exist.
 * @param rotation When the file sink starts a new file.
 * @param hmacKey The record HMAC key as base64, at least 32 bytes once decoded.
 * @param hmacKeyFile A file holding the record HMAC key as one line of base64.
 * @param hmacKeyId The key id every new record names: 1 to 64 characters of [A-Za-z0-9._-].
 * @param previousHmacKeys Earlier HMAC keys whose records must keep verifying after a rotation.
 * @param signingKeyFile A PEM file holding the Ed25519 private key that signs checkpoints
 * (PKCS#8 "PRIVATE KEY").
 * @param signingKeyId The key id every new checkpoint names.
 * @param previousVerificationKeys Public keys of earlier checkpoint signing keys.
 * @param keyDirectory Where generated keys are kept; defaults to <path>/keys.
 * @param jdbc Options of the JDBC sink.
 * @param testContextDirectory Under Spring's test support, whether each test application context
 * writes to its own temporary directory (deleted when the context closes) unless the test itself
 * sets palisade.audit.path; a path from the application's configuration files is replaced
 * in tests, since the file sink allows one writer per directory.
 */
@ConfigurationProperties("palisade.audit")
public record PalisadeAuditProperties(@DefaultValue("true") boolean enabled, @DefaultValue("FILE") Sink sink,
		@DefaultValue("./data/audit") Path path, @DefaultValue("SYNC") Durability durability,
		@DefaultValue("BLOCK") BackPressure backPressure, @DefaultValue("8192") int queueCapacity,
		@DefaultValue("50ms") Duration batchInterval, @DefaultValue("5s") Duration writeTimeout,
		@DefaultValue("OFF") RequestAuthentications requestAuthentications, @DefaultValue("1000") long checkpointEvery,
		@DefaultValue("60s") Duration checkpointInterval, @DefaultValue Rotation rotation, String hmacKey,
		Path hmacKeyFile, @DefaultValue(AuditRecordFormat.DEFAULT_KEY_ID) String hmacKeyId,
		List<PreviousHmacKey> previousHmacKeys, Path signingKeyFile,
		@DefaultValue(AuditRecordFormat.DEFAULT_KEY_ID) String signingKeyId,
		List<PreviousVerificationKey> previousVerificationKeys, Path keyDirectory, @DefaultValue Jdbc jdbc,
		@DefaultValue("true") boolean testContextDirectory) {

	public PalisadeAuditProperties {
		previousHmacKeys = (previousHmacKeys != null) ? List.copyOf(previousHmacKeys) : List.of();
		previousVerificationKeys = (previousVerificationKeys != null) ? List.copyOf(previousVerificationKeys)
				: List.of();
	}

	/**
	 * An earlier record HMAC key.
	 *
	 * @param id The key id its records name.
	 * @param key The key as base64.
	 * @param file A file holding the key as one line of base64, instead of key.
	 */
	public record PreviousHmacKey(String id, String key, Path file) {

		@Override
		public String toString() {
			return "PreviousHmacKey[id=" + this.id + ", key=" + ((this.key != null) ? "***" : "null") + ", file="
					+ this.file + "]";
		}
	}

	/**
	 * The public half of an earlier checkpoint signing key.
	 *
	 * @param id The key id its checkpoints name.
	 * @param file A PEM file holding the Ed25519 public key ("PUBLIC KEY").
	 */
	public record PreviousVerificationKey(String id, Path file) {
	}

	/** Where records go. */
	public enum Sink {

		/** Hash-chained JSON-lines files in {@code palisade.audit.path}. */
		FILE,

		/** PostgreSQL tables through the application's {@code DataSource}. */
		JDBC
	}

	/** How the successful authentication of every ordinary request is recorded. */
	public enum RequestAuthentications {

		/** With the next batch: durable at most one batch interval after the response. */
		BATCHED,

		/** Like every other event, by {@code palisade.audit.durability}. */
		SYNC,

		/** Not recorded (the default); sign-ins, failures, denials and lifecycle events still are. */
		OFF
	}

	/** The directory generated keys live in. */
	public Path effectiveKeyDirectory() {
		return (this.keyDirectory != null) ? this.keyDirectory : this.path.resolve("keys");
	}

	@Override
	public String toString() {
		return "PalisadeAuditProperties[enabled=" + this.enabled + ", sink=" + this.sink + ", path=" + this.path
				+ ", durability=" + this.durability + ", requestAuthentications=" + this.requestAuthentications + ", hmacKey=" + ((this.hmacKey != null) ? "[set]" : "null") + ", hmacKeyId=" + this.hmacKeyId + ", signingKeyId=" + this.signingKeyId + "]";
	}

	/**
	 * File rotation.
	 *
	 * @param maxSize Start a new file before one grows beyond this size; 0 for no limit.
	 * @param daily Start a new file when the UTC day changes.
	 */
	public record Rotation(@DefaultValue("100MB") DataSize maxSize, @DefaultValue("true") boolean daily) {
	}

	/**
	 * The JDBC sink.
	 *
	 * @param initializeSchema Whether to create the tables at start-up if they do not exist.
	 */
	public record Jdbc(@DefaultValue("false") boolean initializeSchema) {
	}
}
