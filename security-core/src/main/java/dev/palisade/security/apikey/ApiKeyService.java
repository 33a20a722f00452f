package dev.palisade.security.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.audit.AuditWriteException;
import dev.palisade.security.principal.PrincipalKind;

/**
 * Creates, lists, revokes and rotates API keys. Authorization of the caller (may this user
 * manage keys of this org?) is the web layer's job; this class enforces the rules that belong to
 * keys themselves: a key never carries a scope its creator does not hold, the plaintext exists
 * only in the {@link GeneratedApiKey} returned once, listings are masked, and a revocation on
 * this node reaches this node's {@link ApiKeyVerifier} at once. Thread-safe.
 */
public final class ApiKeyService {

	/** Default grace period during which a rotated key keeps working. */
	public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);

	private static final System.Logger LOGGER = System.getLogger(ApiKeyService.class.getName());

	private final ApiKeyFormat format;

	private final ApiKeyHasher hasher;

	private final ApiKeyStore store;

	private final Clock clock;

	private final SecureRandom random;

	private final Duration defaultTtl;

	private final Duration defaultGracePeriod;

	private final ApiKeyVerifier verifier;

	private final ApiKeyListener listener;

	private ApiKeyService(Builder builder) {
		this.format = builder.format;
		this.hasher = builder.hasher;
		this.store = builder.store;
		this.clock = builder.clock;
		this.random = builder.random;
		this.defaultTtl = builder.defaultTtl;
		this.defaultGracePeriod = builder.defaultGracePeriod;
		this.verifier = builder.verifier;
		this.listener = builder.listener;
	}

	/** A builder with the required parts; everything else has defaults. */
	public static Builder builder(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store) {
		return new Builder(format, hasher, store);
	}

	/**
	 * Creates a key.
	 * @param request what the key is for
	 * @param creatorPermissions the permissions the creating caller holds
	 * @return the key, whose plaintext must be shown once and then forgotten
	 * @throws ScopeEscalationException if a requested scope is not implied by {@code creatorPermissions}
	 * @throws InvalidApiKeyRequestException if the request is not acceptable
	 */
	public GeneratedApiKey create(ApiKeyCreateRequest request, Collection<String> creatorPermissions) {
		Objects.requireNonNull(request, "request");
		checkScopes(request.scopes(), creatorPermissions);
		Instant now = now();
		Duration ttl = (request.ttl() != null) ? request.ttl() : this.defaultTtl;
		KeyOwnership owner = new KeyOwnership(request.name(), request.ownerSubject(), request.ownerKind(),
				request.org(), request.project(), request.scopes(), request.plan());
		NewKey key = newKey(owner, now, (ttl != null) ? now.plus(ttl) : null, null);
		this.store.save(key.record());
		GeneratedApiKey generated = key.generated(this.format, now);
		tell(() -> this.listener.onCreated(generated.summary()));
		return generated;
	}

	/** The keys of an organisation, newest first, masked. */
	public List<ApiKeySummary> list(String org) {
		Instant now = now();
		return this.store.listByOrg(org).stream().map((record) -> ApiKeySummary.of(record, this.format, now)).toList();
	}

	/** One key, masked. */
	public Optional<ApiKeySummary> find(String keyId) {
		Instant now = now();
		return this.store.findById(keyId).map((record) -> ApiKeySummary.of(record, this.format, now));
	}

	/**
	 * Revokes a key now. Takes effect on this node at once, on the others within the verifier's cache TTL.
	 * @throws ApiKeyNotFoundException if there is no such key
	 */
	public void revoke(String keyId) {
		boolean found = this.store.revoke(keyId, now());
		invalidate(keyId);
		if (!found) {
			throw new ApiKeyNotFoundException(keyId);
		}
		find(keyId).ifPresent((key) -> tell(() -> this.listener.onRevoked(key)));
	}

	/**
	 * Rotates a key with the default grace period.
	 * @see #rotate(String, Duration, Collection)
	 */
	public GeneratedApiKey rotate(String keyId, Collection<String> callerPermissions) {
		return rotate(keyId, this.defaultGracePeriod, callerPermissions);
	}

	/**
	 * Replaces a key with a new one for the same owner, org, project and scopes, with the same
	 * lifetime as the old one had. The old key keeps working until {@code now + gracePeriod}
	 * (or its own expiry, if earlier), then verifies as {@link ApiKeyOutcome#REVOKED}.
	 * <p>
	 * The old key is first claimed atomically in the store ({@link ApiKeyStore#claimForRotation}),
	 * and the new key saved only if that claim wins: of concurrent rotations of one key exactly
	 * one mints a successor, and a rotation never succeeds once the key is revoked. If saving the
	 * new key fails, the claim is released so the owner keeps the old key.
	 * @param callerPermissions the rotating caller's permissions: they must still imply the key's scopes
	 * @throws ApiKeyNotFoundException if there is no such key
	 * @throws InvalidApiKeyRequestException if the key is revoked, expired or already rotated,
	 * also when a concurrent revocation or rotation gets there first
	 * @throws ScopeEscalationException if the caller no longer holds the key's scopes
	 */
	public GeneratedApiKey rotate(String keyId, Duration gracePeriod, Collection<String> callerPermissions) {
		if (gracePeriod == null || gracePeriod.isNegative()) {
			throw new InvalidApiKeyRequestException("grace period must be zero or positive");
		}
		ApiKeyRecord old = this.store.findById(keyId).orElseThrow(() -> new ApiKeyNotFoundException(keyId));
		Instant now = now();
		if (old.statusAt(now) != ApiKeyOutcome.VALID) {
			throw new InvalidApiKeyRequestException("only a usable key can be rotated");
		}
		if (old.graceUntil() != null) {
			throw new InvalidApiKeyRequestException("this key was rotated already");
		}
		checkScopes(old.scopes(), callerPermissions);
		Instant expiresAt = (old.expiresAt() != null)
				? now.plus(Duration.between(old.createdAt(), old.expiresAt())) : null;
		KeyOwnership owner = new KeyOwnership(old.name(), old.ownerSubject(), old.ownerKind(), old.org(),
				old.project(), old.scopes(), old.plan());
		NewKey replacement = newKey(owner, now, expiresAt, old.id());
		Instant graceUntil = now.plus(gracePeriod);
		// the read above may be stale: only the store's compare-and-set decides who rotates
		if (!this.store.claimForRotation(old.id(), graceUntil, now)) {
			throw new InvalidApiKeyRequestException("this key was revoked or rotated meanwhile");
		}
		invalidate(old.id());
		try {
			this.store.save(replacement.record());
		}
		catch (RuntimeException ex) {
			releaseClaim(old.id(), graceUntil, ex);
			throw ex;
		}
		GeneratedApiKey generated = replacement.generated(this.format, now);
		tell(() -> this.listener.onRotated(generated.summary()));
		return generated;
	}

	private static void tell(Runnable notification) {
		try {
			notification.run();
		}
		catch (AuditWriteException ex) {
			// the audit log's fail-closed refusal is the caller's answer (503), as for every recorder;
			// the change took effect and stays: a created key's secret was never shown, so it is unusable
			throw ex;
		}
		catch (RuntimeException ex) {
			// a broken metrics listener must not undo a change that took effect; its message is not
			// logged (it could carry anything), only its type
			LOGGER.log(System.Logger.Level.WARNING, "API key listener failed: {0}", ex.getClass().getName());
		}
	}

	private void releaseClaim(String keyId, Instant graceUntil, RuntimeException cause) {
		try {
			this.store.releaseRotationClaim(keyId, graceUntil);
		}
		catch (RuntimeException ex) {
			cause.addSuppressed(ex);
		}
		finally {
			invalidate(keyId);
		}
	}

	private NewKey newKey(KeyOwnership owner, Instant now, Instant expiresAt, String rotatedFrom) {
		ParsedApiKey key = this.format.generate(this.random);
		ApiKeyRecord record = new ApiKeyRecord(key.keyId(), owner.name(), owner.ownerSubject(), owner.ownerKind(),
				owner.org(), owner.project(), owner.scopes(), this.hasher.hash(key.presented()),
				this.format.hint(key.presented()), now, expiresAt, null, null, null, rotatedFrom, owner.plan());
		return new NewKey(key.presented(), record);
	}

	private static void checkScopes(Set<String> requested, Collection<String> held) {
		Objects.requireNonNull(held, "creator permissions");
		for (String scope : requested) {
			if (!ScopeCheck.isValid(scope)) {
				throw new InvalidApiKeyRequestException("a scope is not of the form resource:action (see ScopeCheck)");
			}
		}
		Set<String> refused = ScopeCheck.notGranted(held, requested);
		if (!refused.isEmpty()) {
			throw new ScopeEscalationException(refused);
		}
	}

	private void invalidate(String keyId) {
		if (this.verifier != null) {
			this.verifier.invalidate(keyId);
		}
	}

	// stores keep microseconds; truncating here keeps returned summaries equal to what is stored
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public String toString() {
		return "ApiKeyService[" + this.format + ", store=" + this.store + "]";
	}

	/** A generated key not yet saved; {@link #toString()} hides the plaintext. */
	private record NewKey(String plaintext, ApiKeyRecord record) {

		GeneratedApiKey generated(ApiKeyFormat format, Instant now) {
			return new GeneratedApiKey(this.plaintext, ApiKeySummary.of(this.record, format, now));
		}

		@Override
		public String toString() {
			return "NewKey[" + this.record.id() + "]";
		}
	}

	/** Who a new key belongs to, what it may do and the plan its calls count under. */
	private record KeyOwnership(String name, String ownerSubject, PrincipalKind ownerKind, String org, String project,
			Set<String> scopes, String plan) {
	}

	/** Builds an {@link ApiKeyService}. */
	public static final class Builder {

		private final ApiKeyFormat format;

		private final ApiKeyHasher hasher;

		private final ApiKeyStore store;

		private Clock clock = Clock.systemUTC();

		private SecureRandom random = new SecureRandom();

		private Duration defaultTtl;

		private Duration defaultGracePeriod = DEFAULT_GRACE_PERIOD;

		private ApiKeyVerifier verifier;

		private ApiKeyListener listener = ApiKeyListener.NONE;

		private Builder(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store) {
			this.format = Objects.requireNonNull(format, "format");
			this.hasher = Objects.requireNonNull(hasher, "hasher");
			this.store = Objects.requireNonNull(store, "store");
		}

		/** The clock for creation, expiry and grace times (default: system UTC). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** The randomness for key ids and secrets (default: a new {@link SecureRandom}). */
		public Builder random(SecureRandom random) {
			this.random = Objects.requireNonNull(random, "random");
			return this;
		}

		/** Lifetime of keys whose request names none; {@code null} (the default) means they never expire. */
		public Builder defaultTtl(Duration defaultTtl) {
			if (defaultTtl != null && (defaultTtl.isNegative() || defaultTtl.isZero())) {
				throw new IllegalArgumentException("default TTL must be positive");
			}
			this.defaultTtl = defaultTtl;
			return this;
		}

		/** How long a rotated key keeps working (default 24 hours). */
		public Builder defaultGracePeriod(Duration defaultGracePeriod) {
			if (defaultGracePeriod == null || defaultGracePeriod.isNegative()) {
				throw new IllegalArgumentException("default grace period must be zero or positive");
			}
			this.defaultGracePeriod = defaultGracePeriod;
			return this;
		}

		/** The verifier on this node whose cache must forget revoked and rotated keys at once. */
		public Builder verifier(ApiKeyVerifier verifier) {
			this.verifier = Objects.requireNonNull(verifier, "verifier");
			return this;
		}

		/** Told about every creation, rotation and revocation (default: nobody). */
		public Builder listener(ApiKeyListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/** The service. */
		public ApiKeyService build() {
			return new ApiKeyService(this);
		}

	}

}
