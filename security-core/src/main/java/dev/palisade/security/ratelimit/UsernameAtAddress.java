package dev.palisade.security.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A username at one client source, the key of the per-address sign-in backoff. The source is an
 * IPv4 address as it is, or an IPv6 address by its /64 network, as {@link RateLimitPolicy} keys
 * addresses: one subscriber normally holds a whole /64 and could otherwise rotate through fresh
 * keys. Fixed size: no address string is kept.
 */
record UsernameAtAddress(UsernameKey username, long network, boolean ipv6) {

	static UsernameAtAddress of(UsernameKey username, InetAddress client) {
		if (client == null) {
			throw new IllegalArgumentException("A client address must not be null");
		}
		byte[] bytes = client.getAddress();
		if (client instanceof Inet6Address) {
			return new UsernameAtAddress(username, ByteBuffer.wrap(bytes).getLong(), true);
		}
		return new UsernameAtAddress(username, Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt()), false);
	}
}
