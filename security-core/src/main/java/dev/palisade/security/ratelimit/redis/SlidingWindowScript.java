package dev.palisade.security.ratelimit.redis;

/**
 * The sliding-window counter as a Redis Lua script, so the read-decide-write is atomic across
 * every instance sharing the server. It mirrors {@code SlidingWindowMath}: state is a hash with
 * the current window index ({@code w}) and the previous and current counts ({@code p},
 * {@code c}); time comes from the caller's clock (as bucket4j's does) in milliseconds. A
 * negative permit count is a refund. Returns {@code {allowed, previous, current, elapsedMillis}}.
 */
final class SlidingWindowScript {

	static final String SOURCE = """
			local now = tonumber(ARGV[1])
			local window = tonumber(ARGV[2])
			local capacity = tonumber(ARGV[3])
			local permits = tonumber(ARGV[4])
			local index = math.floor(now / window)
			local state = redis.call('HMGET', KEYS[1], 'w', 'p', 'c')
			local w = tonumber(state[1])
			local p = tonumber(state[2]) or 0
			local c = tonumber(state[3]) or 0
			if w == nil or index > w + 1 then
			  p = 0
			  c = 0
			  w = index
			elseif index == w + 1 then
			  p = c
			  c = 0
			  w = index
			end
			local elapsed = now - w * window
			if elapsed < 0 then elapsed = 0 end
			if elapsed > window then elapsed = window end
			local allowed = 0
			if permits < 0 then
			  c = math.max(0, c + permits)
			elseif p * ((window - elapsed) / window) + c + permits <= capacity then
			  c = c + permits
			  allowed = 1
			end
			redis.call('HSET', KEYS[1], 'w', w, 'p', p, 'c', c)
			redis.call('PEXPIRE', KEYS[1], window * 2 + 1000)
			return {allowed, p, c, elapsed}
			""";

	private SlidingWindowScript() {
	}
}
