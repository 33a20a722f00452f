package dev.palisade.security.access;

/**
 * Parses {@code resource:action} strings once, at configuration or credential-load time.
 * Hand-written because the grammar is two tokens and a colon; a regex would be slower and no
 * library models this exact grammar.
 */
final class PermissionSyntax {

	static final String WILDCARD = "*";

	static final int MAX_TOKEN_LENGTH = 64;

	private PermissionSyntax() {
	}

	/** Returns {resource, action}; {@code *} alone means {@code *:*}. */
	static String[] split(String text) {
		if (text == null) {
			throw new InvalidPermissionException("permission must not be null");
		}
		if (text.equals(WILDCARD)) {
			return new String[] { WILDCARD, WILDCARD };
		}
		int colon = text.indexOf(':');
		if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
			throw new InvalidPermissionException("permission must have the form 'resource:action'");
		}
		String resource = text.substring(0, colon);
		String action = text.substring(colon + 1);
		checkToken(resource, "resource");
		checkToken(action, "action");
		return new String[] { resource, action };
	}

	private static void checkToken(String token, String what) {
		if (token.equals(WILDCARD)) {
			return;
		}
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw new InvalidPermissionException(
					"permission " + what + " must be 1 to " + MAX_TOKEN_LENGTH + " characters or '*'");
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!ok) {
				throw new InvalidPermissionException(
						"permission " + what + " may only contain letters, digits, '.', '_' and '-', or be '*'");
			}
		}
	}
}
