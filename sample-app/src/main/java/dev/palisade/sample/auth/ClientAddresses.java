package dev.palisade.sample.auth;

import java.net.InetAddress;
import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.InvalidIpAddressException;
import dev.palisade.security.net.IpAddresses;

/**
 * The client address of a sign-in, found as the rate-limit filters find it: the socket peer, or a
 * forwarding header only when the peer is a trusted proxy, so a caller cannot pick the address its
 * sign-in backoff is kept under.
 */
final class ClientAddresses {

	/** Shared by the (non-TCP) requests whose peer address is not an IP literal, as in the filters. */
	private static final InetAddress UNPARSEABLE_PEER = IpAddresses.parse("0.0.0.0");

	private ClientAddresses() {
	}

	static InetAddress of(HttpServletRequest request, ClientIpResolver resolver) {
		try {
			return resolver.resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("Forwarded")),
					Collections.list(request.getHeaders("X-Forwarded-For")));
		}
		catch (InvalidIpAddressException ex) {
			return UNPARSEABLE_PEER;
		}
	}
}
