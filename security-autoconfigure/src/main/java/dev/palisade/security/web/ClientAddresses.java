package dev.palisade.security.web;

import java.net.InetAddress;
import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.InvalidIpAddressException;
import dev.palisade.security.net.IpAddresses;

/**
 * The client address of a request as Palisade's rate limiting sees it: the socket peer, or a
 * {@code Forwarded}/{@code X-Forwarded-For} value only when the peer is a trusted proxy, so a
 * caller cannot pick the address its limits are kept under. Resolved once per request and kept in
 * a request attribute, so both rate-limit filters and an application's own code (a sign-in
 * throttle) share one answer.
 */
public final class ClientAddresses {

	static final String ATTRIBUTE = ClientAddresses.class.getName() + ".clientIp";

	/** Shared by the (non-TCP) requests whose peer address is not an IP literal. */
	private static final InetAddress UNPARSEABLE_PEER = IpAddresses.parse("0.0.0.0");

	private ClientAddresses() {
	}

	/** The client address of {@code request}, resolved through {@code resolver} the first time. */
	public static InetAddress of(HttpServletRequest request, ClientIpResolver resolver) {
		if (request.getAttribute(ATTRIBUTE) instanceof InetAddress known) {
			return known;
		}
		InetAddress address;
		try {
			address = resolver.resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("Forwarded")),
					Collections.list(request.getHeaders("X-Forwarded-For")));
		}
		catch (InvalidIpAddressException ex) {
			address = UNPARSEABLE_PEER;
		}
		request.setAttribute(ATTRIBUTE, address);
		return address;
	}
}
