package dev.palisade.security.autoconfigure.token;

/**
 * Whether an access token's id ({@code jti}) was revoked before its expiry. Consulted on every
 * verification, cached or not. Define a bean of this type to plug in a deny-list.
 */
@FunctionalInterface
public interface AccessTokenRevocations {

	/** No token is ever revoked. */
	AccessTokenRevocations NONE = (jti) -> false;

	/** Whether the token with this id must be refused. */
	boolean isRevoked(String jti);
}
