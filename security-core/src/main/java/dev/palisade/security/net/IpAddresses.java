package dev.palisade.security.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Turns IP address literals into {@link InetAddress} values without DNS: a host name is
 * rejected, never resolved. IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) come back
 * as the IPv4 address, so one client has one form.
 */
public final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * Parses an address literal ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code [::1]}).
	 * @throws InvalidIpAddressException if {@code literal} is not an IP address literal
	 */
	public static InetAddress parse(String literal) {
		return tryParse(literal).orElseThrow(() -> new InvalidIpAddressException("Not an IP address literal"));
	}

	/** Parses an address literal, or returns empty for anything else (never throws). */
	public static Optional<InetAddress> tryParse(String literal) {
		byte[] bytes = IpLiteral.parse(literal);
		return (bytes != null) ? Optional.of(fromBytes(bytes)) : Optional.empty();
	}

	static InetAddress fromBytes(byte[] bytes) {
		try {
			// getByAddress never performs a lookup; it only checks the length (4 or 16)
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new InvalidIpAddressException("IP address must have 4 or 16 bytes");
		}
	}
}
