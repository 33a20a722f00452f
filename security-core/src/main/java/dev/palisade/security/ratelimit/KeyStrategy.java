package dev.palisade.security.ratelimit;

/**
 * What a policy's buckets are keyed by. When the request does not carry the preferred value
 * (an anonymous caller, a platform-wide principal without an org), the key falls back to the
 * next weaker identity and finally to the client IP, so a limit can never be escaped by
 * leaving a credential out; the fallback is recorded in {@link BucketKey#strategy()} so keys of
 * different kinds never collide.
 */
public enum KeyStrategy {

	/** The API key id (the subject of an {@code API_KEY} principal); otherwise the client IP. */
	API_KEY,

	/** The principal's subject; otherwise the client IP. */
	SUBJECT,

	/** The principal's organisation (a shared tenant budget); otherwise its subject, otherwise the client IP. */
	ORG,

	/** The client IP (IPv6 clients grouped by their /64 network, which one subscriber usually owns). */
	CLIENT_IP
}
