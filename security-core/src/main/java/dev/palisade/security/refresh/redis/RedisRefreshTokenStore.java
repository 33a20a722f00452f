package dev.palisade.security.refresh.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.palisade.security.refresh.FamilyState;
import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenKey;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.StoreRotation;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Refresh-token store in Redis (Lettuce, synchronous API on a shared connection). A family is a
 * hash holding the hash of its active token; its handle is a key naming it. Each operation that
 * changes state is one Lua script, so it is atomic on the server: of concurrent rotations of one
 * token exactly one finds it active. Legacy tokens (issued before handles) keep their one key per
 * token hash until their family's next rotation gives it a handle. Every key expires at its
 * family's absolute expiry (TTL computed from the injected clock), so Redis removes dead families
 * itself; {@link #sweepExpired} additionally drops idle-expired families early.
 *
 * <p>Single Redis server or a primary with replicas (Sentinel); not Redis Cluster, because the
 * scripts reach keys derived from values they read. Durability is that of the server's
 * persistence settings (AOF recommended).
 */
public final class RedisRefreshTokenStore implements RefreshTokenStore {

	/** Default prefix of every key this store writes. */
	public static final String DEFAULT_KEY_PREFIX = "palisade:refresh:";

	private static final String ATTRIBUTE = "a:";

	/** Family hash field holding the hex hash of the active token. */
	private static final String ACTIVE_HASH = "cur";

	private final RedisCommands<String, String> commands;

	/** Keys of legacy tokens (issued before handles), one per token hash. */
	private final String tokenPrefix;

	private final String handlePrefix;

	private final String familyPrefix;

	private final String subjectPrefix;

	private final LuaScript create;

	private final LuaScript rotate;

	private final LuaScript rotateLegacy;

	private final LuaScript revokeFamily;

	private final LuaScript revokeSubject;

	private final LuaScript sweepFamily;

	public RedisRefreshTokenStore(StatefulRedisConnection<String, String> connection, String keyPrefix) {
		this.commands = Objects.requireNonNull(connection, "connection").sync();
		Objects.requireNonNull(keyPrefix, "keyPrefix");
		this.tokenPrefix = keyPrefix + "t:";
		this.handlePrefix = keyPrefix + "h:";
		this.familyPrefix = keyPrefix + "f:";
		this.subjectPrefix = keyPrefix + "s:";
		try {
			this.create = new LuaScript(this.commands, RedisScripts.CREATE);
			this.rotate = new LuaScript(this.commands, RedisScripts.ROTATE);
			this.rotateLegacy = new LuaScript(this.commands, RedisScripts.ROTATE_LEGACY);
			this.revokeFamily = new LuaScript(this.commands, RedisScripts.REVOKE_FAMILY);
			this.revokeSubject = new LuaScript(this.commands, RedisScripts.REVOKE_SUBJECT);
			this.sweepFamily = new LuaScript(this.commands, RedisScripts.SWEEP_FAMILY);
		}
		catch (RedisException ex) {
			throw failure(ex);
		}
	}

	/** A store with keys under {@value #DEFAULT_KEY_PREFIX}. */
	public RedisRefreshTokenStore(StatefulRedisConnection<String, String> connection) {
		this(connection, DEFAULT_KEY_PREFIX);
	}

	@Override
	public void createFamily(RefreshFamily family, RefreshTokenKey token) {
		String handleKey = handleKey(token);
		long ttl = millisUntil(family.createdAt(), family.absoluteExpiresAt());
		List<String> args = new ArrayList<>();
		args.add(family.familyId());
		args.add(Long.toString(ttl));
		encodeFamily(family).forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		args.add(ACTIVE_HASH);
		args.add(token.hashHex());
		List<Object> result = run(this.create,
				new String[] { this.familyPrefix + family.familyId(), handleKey, this.subjectPrefix + family.subject() },
				args.toArray(String[]::new));
		if (!Long.valueOf(1).equals(result.get(0))) {
			throw new RefreshTokenStoreException("Duplicate family or handle");
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now, Duration idleTimeout) {
		Objects.requireNonNull(presented, "presented");
		String nextHandle = handleKey(next);
		String millis = Long.toString(now.toEpochMilli());
		String idle = Long.toString(idleTimeout.toMillis());
		List<Object> result;
		if (presented.isLegacy()) {
			result = run(this.rotateLegacy, new String[] { this.tokenPrefix + presented.hashHex(), nextHandle }, millis,
					idle, this.familyPrefix, next.hashHex());
		}
		else {
			if (!nextHandle.equals(handleKey(presented))) {
				throw new IllegalArgumentException("the next token names the presented token's family");
			}
			result = run(this.rotate, new String[] { nextHandle }, presented.hashHex(), next.hashHex(), millis, idle,
					this.familyPrefix);
		}
		String outcome = (String) result.get(0);
		RefreshFamily family = (result.size() > 1) ? decodeFamily((List<Object>) result.get(1)) : null;
		if ("ROTATED".equals(outcome)) {
			return StoreRotation.rotated(family);
		}
		return StoreRotation.failed(RotationFailure.valueOf(outcome), family);
	}

	@Override
	public Optional<RefreshFamily> findFamily(String familyId) {
		try {
			Map<String, String> hash = this.commands.hgetall(this.familyPrefix + familyId);
			return hash.isEmpty() ? Optional.empty() : Optional.of(decodeFamily(hash));
		}
		catch (RedisException ex) {
			throw failure(ex);
		}
	}

	@Override
	public Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
		String familyId;
		try {
			familyId = token.isLegacy() ? this.commands.hget(this.tokenPrefix + token.hashHex(), "f")
					: this.commands.get(handleKey(token));
		}
		catch (RedisException ex) {
			throw failure(ex);
		}
		return (familyId != null) ? findFamily(familyId) : Optional.empty();
	}

	@Override
	@SuppressWarnings("unchecked")
	public Optional<RefreshFamily> revokeFamily(String familyId, Instant now) {
		List<Object> result = run(this.revokeFamily, new String[] { this.familyPrefix + familyId },
				Long.toString(now.toEpochMilli()));
		return result.isEmpty() ? Optional.empty() : Optional.of(decodeFamily((List<Object>) result.get(0)));
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<RefreshFamily> revokeAllForSubject(String subject, Instant now) {
		List<Object> result = run(this.revokeSubject, new String[] { this.subjectPrefix + subject },
				Long.toString(now.toEpochMilli()), this.familyPrefix);
		List<RefreshFamily> revoked = new ArrayList<>();
		for (Object hash : result) {
			revoked.add(decodeFamily((List<Object>) hash));
		}
		return revoked;
	}

	/**
	 * Walks the family keys with {@code SCAN} (incremental, never blocks the server) and deletes up
	 * to {@code batchSize} idle-expired families; their token keys expire on their own TTL and
	 * resolve to no family meanwhile.
	 */
	@Override
	public int sweepExpired(Instant now, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive");
		}
		int deleted = 0;
		try {
			ScanArgs args = ScanArgs.Builder.matches(this.familyPrefix + "*").limit(Math.max(batchSize, 100));
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = this.commands.scan(cursor, args);
				for (String key : page.getKeys()) {
					if (deleted >= batchSize) {
						return deleted;
					}
					List<Object> result = this.sweepFamily.run(this.commands, new String[] { key },
							Long.toString(now.toEpochMilli()));
					if (Long.valueOf(1).equals(result.get(0))) {
						deleted++;
					}
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		catch (RedisException ex) {
			throw failure(ex);
		}
		return deleted;
	}

	private List<Object> run(LuaScript script, String[] keys, String... args) {
		try {
			return script.run(this.commands, keys, args);
		}
		catch (RedisException ex) {
			throw failure(ex);
		}
	}

	private String handleKey(RefreshTokenKey token) {
		Objects.requireNonNull(token, "token");
		if (token.isLegacy()) {
			throw new IllegalArgumentException("a new token names its family by a handle");
		}
		return this.handlePrefix + token.handleHex();
	}

	private static Map<String, String> encodeFamily(RefreshFamily family) {
		Map<String, String> hash = new HashMap<>();
		RefreshGrant grant = family.grant();
		hash.put("id", family.familyId());
		hash.put("subject", grant.subject());
		if (grant.org() != null) {
			hash.put("org", grant.org());
		}
		if (grant.project() != null) {
			hash.put("project", grant.project());
		}
		hash.put("state", (family.state() == FamilyState.ACTIVE) ? "active" : "revoked");
		hash.put("created", Long.toString(family.createdAt().toEpochMilli()));
		hash.put("abs", Long.toString(family.absoluteExpiresAt().toEpochMilli()));
		hash.put("idle", Long.toString(family.idleExpiresAt().toEpochMilli()));
		if (family.revokedAt() != null) {
			hash.put("revoked", Long.toString(family.revokedAt().toEpochMilli()));
		}
		grant.attributes().forEach((key, value) -> hash.put(ATTRIBUTE + key, value));
		return hash;
	}

	private static RefreshFamily decodeFamily(List<Object> flat) {
		Map<String, String> hash = new HashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			hash.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return decodeFamily(hash);
	}

	private static RefreshFamily decodeFamily(Map<String, String> hash) {
		Map<String, String> attributes = new HashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(ATTRIBUTE)) {
				attributes.put(field.substring(ATTRIBUTE.length()), value);
			}
		});
		RefreshGrant grant = new RefreshGrant(hash.get("subject"), hash.get("org"), hash.get("project"), attributes);
		String revoked = hash.get("revoked");
		return new RefreshFamily(hash.get("id"), grant, millis(hash.get("created")), millis(hash.get("abs")),
				millis(hash.get("idle")), "active".equals(hash.get("state")) ? FamilyState.ACTIVE : FamilyState.REVOKED,
				(revoked != null) ? millis(revoked) : null);
	}

	private static Instant millis(String value) {
		return Instant.ofEpochMilli(Long.parseLong(value));
	}

	private static long millisUntil(Instant from, Instant to) {
		return Math.max(1, Duration.between(from, to).toMillis());
	}

	private static RefreshTokenStoreException failure(RedisException ex) {
		return new RefreshTokenStoreException("Refresh-token Redis operation failed", ex);
	}

	@Override
	public String toString() {
		return "RedisRefreshTokenStore[" + this.familyPrefix + "]";
	}
}
