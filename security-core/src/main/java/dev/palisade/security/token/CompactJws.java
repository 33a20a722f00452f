package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import dev.palisade.security.token.InvalidTokenException.Reason;

/**
 * Strict first look at a compact JWS: exactly three base64url parts from the strict alphabet (Nimbus's
 * decoder silently skips foreign characters, which would make one token valid under many spellings),
 * a JSON object header whose {@code alg} is one we support spelled exactly. Any parse failure,
 * including runtime errors and stack exhaustion from hostile JSON, becomes {@link Reason#MALFORMED}.
 */
final class CompactJws {

	final Base64URL headerPart;

	final Base64URL payloadPart;

	final Base64URL signaturePart;

	final JWSHeader header;

	private CompactJws(Base64URL headerPart, Base64URL payloadPart, Base64URL signaturePart, JWSHeader header) {
		this.headerPart = headerPart;
		this.payloadPart = payloadPart;
		this.signaturePart = signaturePart;
		this.header = header;
	}

	static CompactJws parse(String token) throws InvalidTokenException {
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		String h = token.substring(0, first);
		String p = token.substring(first + 1, second);
		String s = token.substring(second + 1);
		if (!isStrictBase64Url(h) || !isStrictBase64Url(p) || !isStrictBase64Url(s)) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		Base64URL headerPart = new Base64URL(h);
		Map<String, Object> headerJson;
		try {
			headerJson = JSONObjectUtils.parse(new String(headerPart.decode(), StandardCharsets.UTF_8));
		}
		catch (ParseException | RuntimeException | StackOverflowError ex) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		Object alg = headerJson.get("alg");
		if (!(alg instanceof String algName)) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		if (KeyAlgorithmRules.SUPPORTED.stream().noneMatch((supported) -> supported.getName().equals(algName))) {
			throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
		}
		JWSHeader header;
		try {
			header = JWSHeader.parse(headerJson, headerPart);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
		return new CompactJws(headerPart, new Base64URL(p), new Base64URL(s), header);
	}

	/** The JWS signing input: ASCII(BASE64URL(header) || '.' || BASE64URL(payload)). */
	byte[] signingInput() {
		return (this.headerPart.toString() + '.' + this.payloadPart.toString()).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Only the base64url alphabet, no padding, and canonical: the unused low bits of the last character
	 * must be zero, so each byte string has exactly one spelling.
	 */
	static boolean isStrictBase64Url(String part) {
		int remainder = part.length() % 4;
		if (remainder == 1) {
			return false;
		}
		int last = 0;
		for (int i = 0; i < part.length(); i++) {
			last = sextet(part.charAt(i));
			if (last < 0) {
				return false;
			}
		}
		if (remainder == 2) {
			return (last & 0x0f) == 0;
		}
		if (remainder == 3) {
			return (last & 0x03) == 0;
		}
		return true;
	}

	private static int sextet(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		if (c == '-') {
			return 62;
		}
		if (c == '_') {
			return 63;
		}
		return -1;
	}

}
