package dev.palisade.security.audit;

import java.util.Set;

/**
 * The action names Palisade records. They double as the bounded {@code type} tag of the
 * {@code palisade.audit.events} metric ({@link #metricType}), so features use these constants
 * rather than free text.
 */
public final class AuditActions {

	/** A JWT access token was presented (success or failure). */
	public static final String ACCESS_TOKEN_AUTHENTICATE = "access_token.authenticate";

	/** An API key was presented. */
	public static final String API_KEY_AUTHENTICATE = "api_key.authenticate";

	/** A client certificate was presented. */
	public static final String CLIENT_CERT_AUTHENTICATE = "client_cert.authenticate";

	/** A user name and password were presented (a sign-in). */
	public static final String PASSWORD_AUTHENTICATE = "password.authenticate";

	/** A credential of a kind Palisade does not know was presented. */
	public static final String OTHER_AUTHENTICATE = "other.authenticate";

	/** An access rule refused a request or a method call. */
	public static final String AUTHORIZE = "authorize";

	/** A rate limit refused a call. */
	public static final String RATE_LIMIT = "rate_limit";

	/** A refresh token was used after it had been rotated: likely theft; the family is revoked. */
	public static final String REFRESH_TOKEN_REUSE = "refresh_token.reuse";

	/** A refresh-token family was revoked. */
	public static final String REFRESH_TOKEN_REVOKE = "refresh_token.revoke";

	/** An access token was revoked. */
	public static final String ACCESS_TOKEN_REVOKE = "access_token.revoke";

	/** A signing or encryption key was revoked or retired. */
	public static final String KEY_REVOKE = "key.revoke";

	/** An API key was created. */
	public static final String API_KEY_CREATE = "api_key.create";

	/** An API key was rotated. */
	public static final String API_KEY_ROTATE = "api_key.rotate";

	/** An API key was revoked. */
	public static final String API_KEY_REVOKE = "api_key.revoke";

	/** A secret was read. */
	public static final String SECRET_READ = "secret.read";

	/** A secret was written. */
	public static final String SECRET_WRITE = "secret.write";

	/** A TOTP code was presented to enrol or remove a second factor (a sign-in's code is part of its sign-in record). */
	public static final String SECOND_FACTOR = "second_factor";

	/** A request refused by a network rule (its client address), before authentication. */
	public static final String NETWORK_DENY = "network.deny";

	/** A request refused for its size or shape (body too large, JSON too deep or too long). */
	public static final String REQUEST_LIMIT = "request.limit";

	/** A sign-in through an outside identity provider (OpenID Connect or OAuth 2.0 login), linked or refused. */
	public static final String FEDERATED_AUTHENTICATE = "federated.authenticate";

	/** An administrative endpoint was called. */
	public static final String ADMIN_REQUEST = "admin.request";

	/** The {@code type} tag value of every action that is not one of these constants. */
	public static final String APPLICATION = "application";

	private static final Set<String> BUILT_IN = Set.of(ACCESS_TOKEN_AUTHENTICATE, API_KEY_AUTHENTICATE,
			CLIENT_CERT_AUTHENTICATE, PASSWORD_AUTHENTICATE, OTHER_AUTHENTICATE, AUTHORIZE, RATE_LIMIT,
			REFRESH_TOKEN_REUSE, REFRESH_TOKEN_REVOKE, ACCESS_TOKEN_REVOKE, KEY_REVOKE, API_KEY_CREATE, API_KEY_ROTATE,
			API_KEY_REVOKE, SECRET_READ, SECRET_WRITE, ADMIN_REQUEST, NETWORK_DENY, REQUEST_LIMIT, SECOND_FACTOR,
			FEDERATED_AUTHENTICATE);

	private AuditActions() {
	}

	/**
	 * The bounded metric tag for an action: the action itself when it is one of these constants,
	 * else {@value #APPLICATION}, so that an application's own actions (free text, possibly built
	 * from input) can never grow the number of series.
	 */
	public static String metricType(String action) {
		return BUILT_IN.contains(action) ? action : APPLICATION;
	}
}
