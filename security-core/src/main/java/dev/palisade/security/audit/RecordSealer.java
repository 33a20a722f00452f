package dev.palisade.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Turns events into chained, MACed record lines. Owned by the writer thread; not thread-safe. */
final class RecordSealer {

	private static final HexFormat HEX = HexFormat.of();

	private final Mac mac;

	private final MessageDigest sha256;

	private final String keyIdMember;

	private final StringBuilder buffer = new StringBuilder(512);

	private long sequence;

	private String head;

	RecordSealer(String keyId, SecretKey hmacKey, ChainHead head) {
		this.keyIdMember = ",\"kid\":\"" + keyId + "\",\"prev\":\"";
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(hmacKey.getEncoded(), "HmacSHA256"));
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 and SHA-256 are required by every JDK", ex);
		}
		this.sequence = head.sequence();
		this.head = head.hash();
	}

	AuditRecord seal(AuditEvent event) {
		long seq = this.sequence + 1;
		StringBuilder out = this.buffer;
		out.setLength(0);
		out.append("{\"seq\":").append(seq).append(this.keyIdMember).append(this.head).append("\",\"event\":");
		AuditEventJson.write(event, out);
		// the MAC covers the record without its "mac" member: {"seq":..,"kid":..,"prev":..,"event":{..}}
		out.append('}');
		byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
		String macHex = HEX.formatHex(this.mac.doFinal(body));
		byte[] line = new byte[body.length - 1 + AuditRecordFormat.MAC_SUFFIX_LENGTH];
		System.arraycopy(body, 0, line, 0, body.length - 1);
		int i = body.length - 1;
		System.arraycopy(AuditRecordFormat.MAC_MEMBER, 0, line, i, AuditRecordFormat.MAC_MEMBER.length);
		i += AuditRecordFormat.MAC_MEMBER.length;
		byte[] macBytes = macHex.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(macBytes, 0, line, i, macBytes.length);
		i += macBytes.length;
		line[i++] = '"';
		line[i] = '}';
		String hash = HEX.formatHex(this.sha256.digest(line));
		AuditRecord record = new AuditRecord(seq, this.head, hash, event, line);
		this.sequence = seq;
		this.head = hash;
		return record;
	}

	long sequence() {
		return this.sequence;
	}

	String head() {
		return this.head;
	}
}
