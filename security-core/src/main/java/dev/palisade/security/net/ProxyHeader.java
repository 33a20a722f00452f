package dev.palisade.security.net;

/**
 * The forwarding header that the trusted proxies write. Only that one is read: if the proxies
 * set {@code X-Forwarded-For}, a client-supplied {@code Forwarded} header passes through them
 * untouched and must not be believed (and the other way round).
 */
public enum ProxyHeader {

	/** The de-facto {@code X-Forwarded-For: client, proxy1, proxy2} header. */
	X_FORWARDED_FOR,

	/** The RFC 7239 {@code Forwarded: for=client;proto=https, for=proxy1} header. */
	FORWARDED
}
