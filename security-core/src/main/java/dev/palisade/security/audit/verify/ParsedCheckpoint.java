package dev.palisade.security.audit.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.palisade.security.audit.AuditRecordFormat;

/** A checkpoint line split into its signed bytes and signature; {@code null} fields when malformed. */
record ParsedCheckpoint(long sequence, String keyId, String headHash, byte[] signedBytes, byte[] signature,
		String location) {

	private static final Pattern LINE = Pattern.compile("\\{\"cp\":([1-9][0-9]{0,18}),(?:\"kid\":\"([A-Za-z0-9._-]{1,64})\",)?"
			+ "\"head\":\"([0-9a-f]{64})\",\"time\":\"([^\"\\\\]{1,40})\",\"sig\":\"([A-Za-z0-9_-]{86})\"}");

	static ParsedCheckpoint parse(String line, String location) {
		Matcher matcher = LINE.matcher(line);
		if (!matcher.matches()) {
			return new ParsedCheckpoint(-1, null, null, null, null, location);
		}
		String signed = line.substring(0, matcher.start(5) - ",\"sig\":\"".length()) + "}";
		String keyId = (matcher.group(2) != null) ? matcher.group(2) : AuditRecordFormat.DEFAULT_KEY_ID;
		return new ParsedCheckpoint(Long.parseLong(matcher.group(1)), keyId, matcher.group(3),
				signed.getBytes(StandardCharsets.US_ASCII), Base64.getUrlDecoder().decode(matcher.group(5)), location);
	}

	boolean malformed() {
		return this.sequence < 0;
	}
}
