package dev.palisade.security.autoconfigure.refresh;

import java.time.Clock;

import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.redis.RedisAccessTokenDenyList;

import org.springframework.beans.factory.ListableBeanFactory;

/** Opens the Redis deny list; a class of its own so Lettuce is loaded only when it is used. */
final class RedisDenyLists {

	private RedisDenyLists() {
	}

	static AccessTokenDenyList connect(PalisadeRefreshProperties properties, Clock clock, ListableBeanFactory beans) {
		return RedisAccessTokenDenyList.connect(RefreshRedisConnection.server(properties, beans),
				properties.redis().keyPrefix() + "deny:",
				clock, properties.denyListMaximumSize(), properties.denyListResyncInterval());
	}
}
