package dev.palisade.security.net;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}),
 * parsed once and matched with byte masks. A bare address is a single-host block. An IPv4
 * block never contains an IPv6 address and the other way round (IPv4-mapped IPv6 addresses
 * are normalised to IPv4 by {@link IpAddresses}).
 */
public final class CidrBlock {

	private final byte[] network;

	private final int prefixLength;

	private CidrBlock(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parses {@code address/prefix} or a bare address. Host bits after the prefix must be zero,
	 * so a typo such as {@code 192.168.1.7/24} fails at start-up instead of meaning something
	 * nobody intended.
	 * @throws InvalidIpAddressException if {@code cidr} is not a valid block
	 */
	public static CidrBlock parse(String cidr) {
		if (cidr == null) {
			throw new InvalidIpAddressException("CIDR block must not be null");
		}
		String text = cidr.strip();
		int slash = text.indexOf('/');
		String address = (slash >= 0) ? text.substring(0, slash) : text;
		byte[] bytes = IpLiteral.parse(address);
		if (bytes == null) {
			throw new InvalidIpAddressException("CIDR block must start with an IP address literal");
		}
		bytes = IpAddresses.fromBytes(bytes).getAddress(); // normalises IPv4-mapped IPv6
		int maxPrefix = bytes.length * 8;
		int prefix = maxPrefix;
		if (slash >= 0) {
			prefix = parsePrefix(text, slash + 1, maxPrefix);
		}
		for (int bit = prefix; bit < maxPrefix; bit++) {
			if ((bytes[bit >>> 3] & (0x80 >>> (bit & 7))) != 0) {
				throw new InvalidIpAddressException("CIDR block has host bits set after the /" + prefix
						+ " prefix; use the network address");
			}
		}
		return new CidrBlock(bytes, prefix);
	}

	private static int parsePrefix(String text, int from, int maxPrefix) {
		int length = text.length() - from;
		if (length < 1 || length > 3) {
			throw new InvalidIpAddressException("CIDR prefix length must be a number from 0 to " + maxPrefix);
		}
		int prefix = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new InvalidIpAddressException("CIDR prefix length must be a number from 0 to " + maxPrefix);
			}
			prefix = prefix * 10 + (c - '0');
		}
		if (prefix > maxPrefix) {
			throw new InvalidIpAddressException("CIDR prefix length must be a number from 0 to " + maxPrefix);
		}
		return prefix;
	}

	/** Whether {@code address} lies inside this block; {@code false} for {@code null} or another family. */
	public boolean contains(InetAddress address) {
		return address != null && containsBytes(address.getAddress());
	}

	boolean containsBytes(byte[] address) {
		if (address.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength >>> 3;
		for (int i = 0; i < fullBytes; i++) {
			if (address[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength & 7;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xff00 >>> remainingBits) & 0xff;
		return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	/** The number of leading bits that define the block. */
	public int prefixLength() {
		return this.prefixLength;
	}

	/** Whether this is an IPv6 block. */
	public boolean isIpv6() {
		return this.network.length == 16;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CidrBlock that && this.prefixLength == that.prefixLength
				&& Arrays.equals(this.network, that.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefixLength;
	}

	@Override
	public String toString() {
		return IpAddresses.fromBytes(this.network.clone()).getHostAddress() + "/" + this.prefixLength;
	}
}
