package dev.palisade.security.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * What Spring's {@link DefaultBearerTokenResolver} does with its defaults (the {@code Authorization}
 * header only, no {@code access_token} parameter): a header starting with {@code bearer} in any case
 * must be {@code Bearer <token68>} (RFC 6750 section 2.1) or the request is refused as malformed;
 * any other header, or none, is no bearer token. Written as one pass over the characters because the
 * default resolver runs a regular expression over the whole header, which for a JWT of several
 * hundred characters was a visible part of every bearer request in a profile. The answers are the
 * same, which {@code AuthorizationHeaderBearerTokenResolverTests} checks against Spring's resolver.
 */
final class AuthorizationHeaderBearerTokenResolver implements BearerTokenResolver {

	private static final String SCHEME = "bearer";

	@Override
	public String resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		String token = token68After(header, SCHEME.length() + 1);
		if (token == null || header.charAt(SCHEME.length()) != ' ') {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return token;
	}

	/** The token68 that fills {@code header} from {@code start} to its end, or {@code null}. */
	private static String token68After(String header, int start) {
		int length = header.length();
		if (start >= length) {
			return null;
		}
		int i = start;
		while (i < length && isToken68(header.charAt(i))) {
			i++;
		}
		if (i == start) {
			return null;
		}
		while (i < length && header.charAt(i) == '=') {
			i++;
		}
		return (i == length) ? header.substring(start) : null;
	}

	private static boolean isToken68(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}
}
