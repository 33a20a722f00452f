package dev.palisade.security.net;

/**
 * Thrown when a value that must be an IP address literal or a CIDR block is not one. The
 * message never echoes the rejected input, so it is safe to log and to map to a 4xx response
 * or a start-up failure.
 */
public final class InvalidIpAddressException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidIpAddressException(String message) {
		super(message);
	}
}
