package dev.palisade.security.refresh.redis;

/**
 * The Lua scripts that make each store operation atomic on the Redis server. Family hashes hold
 * epoch milliseconds; every key expires at the family's absolute expiry.
 */
final class RedisScripts {

	private RedisScripts() {
	}

	/**
	 * The checks of {@code RefreshFamily.unusableReason}, reuse first (revoking an active family),
	 * shared by both rotations. Expects the locals {@code fkey}, {@code now}, {@code fam} (state,
	 * absolute and idle expiry) and {@code reused}; leaves {@code abs} set when the family is usable.
	 */
	private static final String CHECKS = """
			if reused then
				if fam[1] == 'active' then
					redis.call('HSET', fkey, 'state', 'revoked', 'revoked', string.format('%.0f', now))
				end
				return {'REUSED', redis.call('HGETALL', fkey)}
			end
			if fam[1] ~= 'active' then return {'REVOKED', redis.call('HGETALL', fkey)} end
			local abs = tonumber(fam[2])
			if now >= abs then return {'EXPIRED_ABSOLUTE', redis.call('HGETALL', fkey)} end
			if now >= tonumber(fam[3]) then return {'EXPIRED_IDLE', redis.call('HGETALL', fkey)} end
			""";

	/**
	 * KEYS: family, handle, subject set. ARGV: family id, ttl ms, then family hash field/value pairs
	 * (the active token's hash among them, as {@code cur}).
	 */
	static final String CREATE = """
			if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then
				return {0}
			end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
			redis.call('SADD', KEYS[3], ARGV[1])
			if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[2]) then
				redis.call('PEXPIRE', KEYS[3], ARGV[2])
			end
			return {1}
			""";

	/**
	 * KEYS: handle. ARGV: presented hash, next hash, now ms, idle timeout ms, family key prefix.
	 * A presented hash that is not the family's active one ({@code cur}) is a reuse. Returns
	 * {outcome, family hash as a flat list}. The hashes compare as strings in the server, which
	 * could at most time how many leading hex digits of a SHA-256 hash match: no help in finding a
	 * token.
	 */
	static final String ROTATE = """
			local id = redis.call('GET', KEYS[1])
			if not id then return {'UNKNOWN'} end
			local fkey = ARGV[5] .. id
			if redis.call('EXISTS', fkey) == 0 then return {'UNKNOWN'} end
			local now = tonumber(ARGV[3])
			local fam = redis.call('HMGET', fkey, 'state', 'abs', 'idle', 'cur')
			local reused = fam[4] ~= ARGV[1]
			""" + CHECKS + """
			local idle = math.min(now + tonumber(ARGV[4]), abs)
			redis.call('HSET', fkey, 'idle', string.format('%.0f', idle), 'cur', ARGV[2])
			return {'ROTATED', redis.call('HGETALL', fkey)}
			""";

	/**
	 * A legacy token (issued before handles, one key per token hash). KEYS: presented token, handle
	 * the family gets. ARGV: now ms, idle timeout ms, family key prefix, next hash. Returns
	 * {outcome, family hash as a flat list}.
	 */
	static final String ROTATE_LEGACY = """
			local tok = redis.call('HMGET', KEYS[1], 'f', 's')
			if not tok[1] then return {'UNKNOWN'} end
			local fkey = ARGV[3] .. tok[1]
			if redis.call('EXISTS', fkey) == 0 then return {'UNKNOWN'} end
			local now = tonumber(ARGV[1])
			local fam = redis.call('HMGET', fkey, 'state', 'abs', 'idle')
			local reused = tok[2] == 'rotated'
			""" + CHECKS + """
			if redis.call('EXISTS', KEYS[2]) == 1 then return redis.error_reply('duplicate handle') end
			local idle = math.min(now + tonumber(ARGV[2]), abs)
			redis.call('HSET', KEYS[1], 's', 'rotated')
			redis.call('HSET', fkey, 'idle', string.format('%.0f', idle), 'cur', ARGV[4])
			redis.call('SET', KEYS[2], tok[1], 'PX', string.format('%.0f', abs - now))
			return {'ROTATED', redis.call('HGETALL', fkey)}
			""";

	/** KEYS: family. ARGV: now ms. Returns {family hash} if this call revoked it, else {}. */
	static final String REVOKE_FAMILY = """
			if redis.call('HGET', KEYS[1], 'state') ~= 'active' then return {} end
			redis.call('HSET', KEYS[1], 'state', 'revoked', 'revoked', ARGV[1])
			return {redis.call('HGETALL', KEYS[1])}
			""";

	/** KEYS: subject set. ARGV: now ms, family key prefix. Returns the family hashes it revoked. */
	static final String REVOKE_SUBJECT = """
			local revoked = {}
			for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
				local fkey = ARGV[2] .. id
				local state = redis.call('HGET', fkey, 'state')
				if not state then
					redis.call('SREM', KEYS[1], id)
				elseif state == 'active' then
					redis.call('HSET', fkey, 'state', 'revoked', 'revoked', ARGV[1])
					table.insert(revoked, redis.call('HGETALL', fkey))
				end
			end
			return revoked
			""";

	/**
	 * KEYS: family. ARGV: now ms. Deletes the family if its idle expiry has passed; its handle key
	 * (and a legacy family's token keys) then resolve to no family and expire on their own TTL.
	 * Returns {1} if deleted.
	 */
	static final String SWEEP_FAMILY = """
			local idle = redis.call('HGET', KEYS[1], 'idle')
			if idle and tonumber(idle) <= tonumber(ARGV[1]) then
				redis.call('DEL', KEYS[1])
				return {1}
			end
			return {0}
			""";
}
