package dev.palisade.security.web.tokenendpoint;

/** The OAuth 2.0 grants Palisade's token endpoint can serve. */
public enum TokenGrantType {

	/** {@code password}: a user's name and password (first-party clients only; OAuth 2.1 drops it). */
	PASSWORD("password"),

	/** {@code refresh_token}: a rotating refresh token for a new token pair. */
	REFRESH_TOKEN("refresh_token"),

	/** {@code client_credentials}: a service account's client id and secret. */
	CLIENT_CREDENTIALS("client_credentials");

	private final String wireName;

	TokenGrantType(String wireName) {
		this.wireName = wireName;
	}

	/** The {@code grant_type} value. */
	public String wireName() {
		return this.wireName;
	}

	/** The grant with this exact {@code grant_type} value, or {@code null} for any other. */
	static TokenGrantType fromWireName(String value) {
		for (TokenGrantType type : values()) {
			if (type.wireName.equals(value)) {
				return type;
			}
		}
		return null;
	}
}
