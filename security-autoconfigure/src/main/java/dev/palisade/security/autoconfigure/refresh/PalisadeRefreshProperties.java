package dev.palisade.security.autoconfigure.refresh;

import java.net.URI;
import java.time.Duration;

import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.RefreshTokenPolicy;
import dev.palisade.security.refresh.redis.RedisRefreshTokenStore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Refresh tokens and revocation ({@code palisade.refresh}).
 *
 * @param enabled Whether refresh tokens, the access-token deny list and their revocation are
 * configured.
 * @param absoluteLifetime How long a refresh-token family (one sign-in) lives however often it is used.
 * @param idleTimeout How long a family lives without being used; every rotation extends it, never
 * beyond the absolute lifetime.
 * @param prefix The recognisable prefix of refresh tokens (<prefix>_...): 2-16 lower-case
 * letters or digits, starting with a letter.
 * @param store Where families and token hashes are kept.
 * @param jdbc Settings of the JDBC store.
 * @param redis Settings of the Redis store.
 * @param sweep The background removal of expired families.
 * @param denyListMaximumSize The most revoked access-token ids kept (each exactly until its
 * token's expiry); beyond it a further revocation is refused (503) and every other token is judged
 * as before, so size it well above the revocations expected within one access-token lifetime.
 * @param denyList Where revoked access-token ids are kept: AUTO (default) shares them through Redis
 * when store is redis and keeps them in this node's memory otherwise; LOCAL or
 * REDIS (at redis.uri, under <redis.key-prefix>deny:) chooses.
 * @param denyListResyncInterval With the Redis deny list, how often a node reconciles its mirror
 * with the keys in Redis, which bounds how long a revocation published while it was disconnected
 * goes unseen.
 */
@ConfigurationProperties("palisade.refresh")
public record PalisadeRefreshProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("30d") Duration absoluteLifetime, @DefaultValue("7d") Duration idleTimeout,
		@DefaultValue(RefreshTokenPolicy.DEFAULT_PREFIX) String prefix, @DefaultValue("memory") StoreType store,
		@DefaultValue Jdbc jdbc, @DefaultValue Redis redis, @DefaultValue Sweep sweep,
		@DefaultValue("" + AccessTokenDenyList.DEFAULT_MAXIMUM_SIZE) long denyListMaximumSize,
		@DefaultValue("auto") DenyListType denyList, @DefaultValue("10s") Duration denyListResyncInterval) {

	/** Where revoked access-token ids are kept. */
	public enum DenyListType {

		/** REDIS when the refresh store is Redis, LOCAL otherwise. */
		AUTO,

		/** This node's memory: a revocation is refused only by the node that took it. */
		LOCAL,

		/** Shared by every node through Redis, each node reading its own mirror. */
		REDIS
	}

	/** The deny list in use, AUTO resolved. */
	public DenyListType effectiveDenyList() {
		if (this.denyList != DenyListType.AUTO) {
			return this.denyList;
		}
		return (this.store == StoreType.REDIS) ? DenyListType.REDIS : DenyListType.LOCAL;
	}

	/** The refresh-token store. */
	public enum StoreType {

		/** This JVM's memory: lost on restart, not shared between nodes (the default). */
		MEMORY,

		/** The application's {@code DataSource}: PostgreSQL, or H2 as an embedded file database. */
		JDBC,

		/** A Redis server, reached with Lettuce. */
		REDIS
	}

	/**
	 * The JDBC store, on the application's {@code DataSource} bean.
	 *
	 * @param initializeSchema Whether to create the tables at start-up when they are missing
	 * (the idempotent migrations under META-INF/palisade/db/flyway/refresh/<db>/); off by default:
	 * Palisade's migrations run with Flyway or Liquibase (palisade.jdbc.migrations) instead.
	 */
	public record Jdbc(@DefaultValue("false") boolean initializeSchema) {
	}

	/**
	 * The Redis store. Palisade opens and closes its own connection; the server must be a single
	 * node or a Sentinel-managed primary (not Redis Cluster).
	 *
	 * @param uri The server, redis://[user:password@]host:port[/database] or
	 * rediss:// for TLS. Unset, Spring Boot's Redis connection (spring.data.redis.*) is used when
	 * there is one, else redis://localhost:6379.
	 * @param keyPrefix The prefix of every key the store writes.
	 */
	public record Redis(URI uri,
			@DefaultValue(RedisRefreshTokenStore.DEFAULT_KEY_PREFIX) String keyPrefix) {

		@Override
		public String toString() {
			return "Redis[keyPrefix=" + this.keyPrefix + "]"; // the URI may hold a password
		}
	}

	/**
	 * The background sweeper that deletes expired families in batches, without a full-table lock.
	 *
	 * @param enabled Whether the sweeper runs.
	 * @param interval Time between two sweeps; the first runs one interval after start-up.
	 * @param batchSize Families deleted per statement; a sweep repeats batches until one is not full.
	 */
	public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval,
			@DefaultValue("500") int batchSize) {

		public Sweep {
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("palisade.refresh.sweep.interval must be positive");
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("palisade.refresh.sweep.batch-size must be positive");
			}
		}
	}

	/** The lifetimes and prefix as the core policy (validates them). */
	public RefreshTokenPolicy policy() {
		return new RefreshTokenPolicy(this.absoluteLifetime, this.idleTimeout, this.prefix);
	}
}
