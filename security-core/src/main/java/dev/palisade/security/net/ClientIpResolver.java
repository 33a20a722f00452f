package dev.palisade.security.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the address of the real client. The socket peer is the client unless it is a trusted
 * proxy; only then is the configured forwarding header read, right to left, skipping further
 * trusted proxies, and the first address that is not a trusted proxy is the client. A client
 * therefore cannot choose its own address (and rate-limit bucket) by sending a header: an
 * untrusted peer's headers are ignored, and entries left of the first untrusted hop are never
 * reached.
 * <p>
 * Header values are untrusted input and never cause an exception: a malformed, {@code unknown}
 * or obfuscated hop ends the walk, and the last verified address (the nearest trusted proxy)
 * is returned, which is the conservative answer. At most {@value #MAX_HOPS} hops are examined.
 */
public final class ClientIpResolver {

	/** Upper bound on the number of forwarding hops examined per request. */
	public static final int MAX_HOPS = 32;

	private final TrustedProxies trustedProxies;

	private final ProxyHeader proxyHeader;

	/**
	 * @param trustedProxies the proxies whose forwarding header is believed
	 * @param proxyHeader the header those proxies write; the other one is ignored
	 */
	public ClientIpResolver(TrustedProxies trustedProxies, ProxyHeader proxyHeader) {
		this.trustedProxies = Objects.requireNonNullElse(trustedProxies, TrustedProxies.none());
		this.proxyHeader = Objects.requireNonNullElse(proxyHeader, ProxyHeader.X_FORWARDED_FOR);
	}

	/** A resolver that trusts no proxy and always answers the socket peer. */
	public static ClientIpResolver direct() {
		return new ClientIpResolver(TrustedProxies.none(), ProxyHeader.X_FORWARDED_FOR);
	}

	/**
	 * Whether the socket peer is one of the trusted proxies, so a header it wrote (a forwarded client
	 * certificate, for example) may be believed.
	 * @throws InvalidIpAddressException if {@code remoteAddr} is not an IP address literal
	 */
	public boolean isTrustedProxy(String remoteAddr) {
		return this.trustedProxies.isTrusted(IpAddresses.parse(remoteAddr));
	}

	/**
	 * Resolves the client address.
	 * @param remoteAddr the socket peer address literal (for example {@code ServletRequest#getRemoteAddr()})
	 * @param forwardedHeaders every {@code Forwarded} header value in order, or an empty list
	 * @param xForwardedFor every {@code X-Forwarded-For} header value in order, or an empty list
	 * @return the client address, never {@code null}
	 * @throws InvalidIpAddressException if {@code remoteAddr} is not an IP address literal
	 */
	public InetAddress resolve(String remoteAddr, List<String> forwardedHeaders, List<String> xForwardedFor) {
		InetAddress peer = IpAddresses.parse(remoteAddr);
		if (!this.trustedProxies.isTrusted(peer)) {
			return peer;
		}
		List<String> hops = (this.proxyHeader == ProxyHeader.FORWARDED) ? ForwardedHeaderParser.forNodes(forwardedHeaders)
				: commaSeparated(xForwardedFor);
		InetAddress current = peer;
		int examined = 0;
		for (int i = hops.size() - 1; i >= 0 && examined < MAX_HOPS; i--, examined++) {
			InetAddress hop = parseNode(hops.get(i));
			if (hop == null) {
				return current;
			}
			current = hop;
			if (!this.trustedProxies.isTrusted(hop)) {
				return hop;
			}
		}
		return current;
	}

	private static List<String> commaSeparated(List<String> values) {
		List<String> entries = new ArrayList<>();
		if (values == null) {
			return entries;
		}
		for (String value : values) {
			if (value == null || value.isBlank()) {
				continue;
			}
			int start = 0;
			while (start <= value.length()) {
				int comma = value.indexOf(',', start);
				int end = (comma < 0) ? value.length() : comma;
				// an empty entry is kept: it is malformed and ends the walk
				entries.add(value.substring(start, end).strip());
				start = end + 1;
			}
		}
		return entries;
	}

	/**
	 * Parses one hop: an address, optionally with a port ({@code 192.0.2.1:8080},
	 * {@code [2001:db8::1]:8080}). {@code unknown}, obfuscated identifiers and anything else
	 * yield {@code null}.
	 */
	static InetAddress parseNode(String node) {
		if (node == null) {
			return null;
		}
		String s = node.strip();
		if (s.isEmpty()) {
			return null;
		}
		String host = s;
		if (s.charAt(0) == '[') {
			int close = s.indexOf(']');
			if (close < 0 || (close != s.length() - 1 && !isPort(s, close + 1))) {
				return null;
			}
			host = s.substring(0, close + 1);
		}
		else {
			int colon = s.indexOf(':');
			if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
				// exactly one colon: IPv4 with a port
				if (!isPort(s, colon)) {
					return null;
				}
				host = s.substring(0, colon);
			}
		}
		byte[] bytes = IpLiteral.parse(host);
		return (bytes != null) ? IpAddresses.fromBytes(bytes) : null;
	}

	/** {@code :port} (0 to 65535) or an RFC 7239 obfuscated port {@code :_token}, from {@code colon}. */
	private static boolean isPort(String s, int colon) {
		if (s.charAt(colon) != ':' || colon + 1 >= s.length()) {
			return false;
		}
		if (s.charAt(colon + 1) == '_') {
			return true;
		}
		int digits = s.length() - colon - 1;
		if (digits > 5) {
			return false;
		}
		int port = 0;
		for (int i = colon + 1; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
			port = port * 10 + (s.charAt(i) - '0');
		}
		return port <= 65535;
	}

	@Override
	public String toString() {
		return "ClientIpResolver[" + this.proxyHeader + ", " + this.trustedProxies + "]";
	}
}
