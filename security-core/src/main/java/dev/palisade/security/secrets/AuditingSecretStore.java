package dev.palisade.security.secrets;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditResult;

/**
 * Records every read of a secret's value ({@code secret.read}) and every write and delete
 * ({@code secret.write}) to the audit log, durably, with the path, version and outcome, never a
 * value. The actor is filled in by the recorder from the signed-in caller. A read's value is returned
 * only after its record is written, so an audit log that cannot write fails the read (fail closed).
 * Metadata reads and listings show names and versions only and are not recorded.
 */
public final class AuditingSecretStore implements SecretStore {

	/** The audit resource type of a secret. */
	public static final String RESOURCE_TYPE = "secret";

	private final SecretStore delegate;

	private final AuditRecorder recorder;

	public AuditingSecretStore(SecretStore delegate, AuditRecorder recorder) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.recorder = Objects.requireNonNull(recorder, "recorder");
	}

	@Override
	public Optional<Secret> get(SecretPath path) {
		return audited(AuditActions.SECRET_READ, path, "read", () -> this.delegate.get(path));
	}

	@Override
	public Optional<Secret> get(SecretPath path, long version) {
		return audited(AuditActions.SECRET_READ, path, "read_version", () -> this.delegate.get(path, version));
	}

	@Override
	public Optional<SecretMetadata> metadata(SecretPath path) {
		return this.delegate.metadata(path);
	}

	@Override
	public SecretVersion put(SecretPath path, Map<String, String> data, Map<String, String> customMetadata,
			long expectedVersion) {
		SecretVersion version;
		try {
			version = this.delegate.put(path, data, customMetadata, expectedVersion);
		}
		catch (RuntimeException ex) {
			record(AuditActions.SECRET_WRITE, path, "put", AuditResult.FAILURE, reason(ex), null);
			throw ex;
		}
		record(AuditActions.SECRET_WRITE, path, "put", AuditResult.SUCCESS, null, version.version());
		return version;
	}

	@Override
	public boolean delete(SecretPath path) {
		boolean deleted;
		try {
			deleted = this.delegate.delete(path);
		}
		catch (RuntimeException ex) {
			record(AuditActions.SECRET_WRITE, path, "delete", AuditResult.FAILURE, reason(ex), null);
			throw ex;
		}
		record(AuditActions.SECRET_WRITE, path, "delete", deleted ? AuditResult.SUCCESS : AuditResult.FAILURE,
				deleted ? null : "not_found", null);
		return deleted;
	}

	@Override
	public List<String> list(String prefix) {
		return this.delegate.list(prefix);
	}

	/** The store below. */
	public SecretStore delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "AuditingSecretStore[" + this.delegate + "]";
	}

	private Optional<Secret> audited(String action, SecretPath path, String operation,
			java.util.function.Supplier<Optional<Secret>> read) {
		Optional<Secret> secret;
		try {
			secret = read.get();
		}
		catch (RuntimeException ex) {
			record(action, path, operation, AuditResult.FAILURE, reason(ex), null);
			throw ex;
		}
		record(action, path, operation, secret.isPresent() ? AuditResult.SUCCESS : AuditResult.FAILURE,
				secret.isPresent() ? null : "not_found", secret.map(Secret::version).orElse(null));
		return secret;
	}

	private void record(String action, SecretPath path, String operation, AuditResult result, String reasonCode,
			Long version) {
		AuditEvent.Builder event = AuditEvent.builder()
			.action(action)
			.resource(new AuditResource(RESOURCE_TYPE, path.value(), path.org(), path.project()))
			.result(result)
			.reasonCode(reasonCode)
			.detail("operation", operation);
		if (version != null) {
			event.detail("version", version);
		}
		this.recorder.record(event.build());
	}

	private static String reason(RuntimeException ex) {
		if (ex instanceof SecretVersionConflictException) {
			return "version_conflict";
		}
		if (ex instanceof SecretStoreUnavailableException) {
			return "store_unavailable";
		}
		if (ex instanceof SecretStoreCorruptedException) {
			return "store_corrupted";
		}
		if (ex instanceof InvalidSecretException) {
			return "invalid_secret";
		}
		return "error";
	}

}
