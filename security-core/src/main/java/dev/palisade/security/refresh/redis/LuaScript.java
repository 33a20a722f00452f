package dev.palisade.security.refresh.redis;

import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/** A Lua script run by its SHA-1 ({@code EVALSHA}), loaded again if the server lost it. */
final class LuaScript {

	private final String source;

	private final String sha;

	LuaScript(RedisCommands<String, String> commands, String source) {
		this.source = source;
		this.sha = commands.digest(source);
	}

	List<Object> run(RedisCommands<String, String> commands, String[] keys, String... args) {
		try {
			return commands.evalsha(this.sha, ScriptOutputType.MULTI, keys, args);
		}
		catch (RedisNoScriptException ex) {
			return commands.eval(this.source, ScriptOutputType.MULTI, keys, args);
		}
	}
}
