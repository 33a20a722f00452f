package dev.palisade.security.net;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

/**
 * The address ranges of reverse proxies and load balancers whose forwarding headers may be
 * believed. Empty by default: then forwarding headers are never read.
 */
public final class TrustedProxies {

	private static final TrustedProxies NONE = new TrustedProxies(List.of());

	private final List<CidrBlock> blocks;

	private TrustedProxies(List<CidrBlock> blocks) {
		this.blocks = blocks;
	}

	/** No trusted proxies: the socket peer is always the client. */
	public static TrustedProxies none() {
		return NONE;
	}

	/**
	 * Trusts the given CIDR blocks or single addresses.
	 * @throws InvalidIpAddressException if any entry is not a valid block
	 */
	public static TrustedProxies of(Collection<String> cidrs) {
		return new TrustedProxies(cidrs.stream().map(CidrBlock::parse).toList());
	}

	/** Trusts the given CIDR blocks or single addresses. */
	public static TrustedProxies of(String... cidrs) {
		return of(List.of(cidrs));
	}

	/**
	 * Loopback and private ranges (RFC 1918, RFC 4193 unique-local): the usual set for a service
	 * running behind an ingress inside a private network.
	 */
	public static TrustedProxies privateNetworks() {
		return of("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7");
	}

	/** Whether {@code address} belongs to a trusted proxy. */
	public boolean isTrusted(InetAddress address) {
		if (address == null) {
			return false;
		}
		byte[] bytes = address.getAddress();
		for (CidrBlock block : this.blocks) {
			if (block.containsBytes(bytes)) {
				return true;
			}
		}
		return false;
	}

	/** The trusted blocks, in configuration order. */
	public List<CidrBlock> blocks() {
		return this.blocks;
	}

	@Override
	public String toString() {
		return "TrustedProxies" + this.blocks;
	}
}
