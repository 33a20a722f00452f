package dev.palisade.security.access.url;

/** A URL rule is malformed or conflicts with another; raised at start-up. */
public final class InvalidUrlRuleException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidUrlRuleException(String message) {
		super(message);
	}
}
