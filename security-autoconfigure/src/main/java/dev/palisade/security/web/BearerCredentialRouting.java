package dev.palisade.security.web;

import java.util.List;

/**
 * Decides which provider owns a value sent as {@code Authorization: Bearer ...}: a JWT access
 * token, or an opaque credential recognised by its prefix (an API key such as {@code pal_...}).
 * A compact JWS always starts with the base64url of <code>{"</code>, that is {@code eyJ}.
 */
public final class BearerCredentialRouting {

	private final List<String> opaquePrefixes;

	/**
	 * @param opaquePrefixes prefixes (including their separator, such as {@code pal_}) of opaque
	 * credentials that are not JWTs
	 */
	public BearerCredentialRouting(List<String> opaquePrefixes) {
		this.opaquePrefixes = List.copyOf(opaquePrefixes);
	}

	/** Routing when only JWT access tokens are in use. */
	public static BearerCredentialRouting accessTokensOnly() {
		return new BearerCredentialRouting(List.of());
	}

	/** Whether the value is for the access-token provider. */
	public boolean isAccessToken(String bearer) {
		return !isOpaque(bearer);
	}

	/** Whether the value carries one of the opaque prefixes. */
	public boolean isOpaque(String bearer) {
		for (String prefix : this.opaquePrefixes) {
			if (bearer.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
