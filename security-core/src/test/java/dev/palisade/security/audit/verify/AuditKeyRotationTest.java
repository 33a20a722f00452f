package dev.palisade.security.audit.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.audit.AuditTestSupport;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.audit.file.AuditLogFiles;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Audit keys rotate: every record and checkpoint names its key, a restart with a new primary
 * continues the same chain, and the verifier checks each line with the key it names.
 */
class AuditKeyRotationTest {

	private static final SecretKey MAC_1 = AuditKeys.hmacKey(filled(1));

	private static final SecretKey MAC_2 = AuditKeys.hmacKey(filled(2));

	private static final KeyPair SIGN_1 = AuditKeys.generateSigningKeyPair();

	private static final KeyPair SIGN_2 = AuditKeys.generateSigningKeyPair();

	@TempDir
	Path dir;

	@Test
	void aRestartWithANewPrimaryContinuesTheChainAndEveryLineNamesItsKey() throws IOException {
		write(Keyring.of("m1", MAC_1), Keyring.of("s1", SIGN_1.getPrivate()), 1, 10);
		Keyring<SecretKey> rotatedMac = Keyring.of("m1", MAC_1).withAdded("m2", MAC_2).withPrimary("m2");
		Keyring<PrivateKey> rotatedSigning = Keyring.of("s1", SIGN_1.getPrivate()).withAdded("s2", SIGN_2.getPrivate())
			.withPrimary("s2");
		write(rotatedMac, rotatedSigning, 11, 20);

		List<String> records = recordLines();
		assertThat(records).hasSize(20);
		assertThat(records.get(0)).startsWith("{\"seq\":1,\"kid\":\"m1\",\"prev\":\"");
		assertThat(records.get(9)).startsWith("{\"seq\":10,\"kid\":\"m1\",");
		assertThat(records.get(10)).startsWith("{\"seq\":11,\"kid\":\"m2\",");
		List<String> checkpoints = Files.readAllLines(AuditLogFiles.checkpointFile(this.dir));
		assertThat(checkpoints).anyMatch((line) -> line.startsWith("{\"cp\":5,\"kid\":\"s1\",\"head\":\""));
		assertThat(checkpoints).anyMatch((line) -> line.startsWith("{\"cp\":15,\"kid\":\"s2\",\"head\":\""));

		VerificationResult result = verifier(Map.of("m1", MAC_1, "m2", MAC_2), Map.of("s1", SIGN_1.getPublic(), "s2",
				SIGN_2.getPublic())).verifyDirectory(this.dir);
		assertThat(result.intact()).as(result.summary()).isTrue();
		assertThat(result.verifiedRecords()).isEqualTo(20);
		assertThat(result.verifiedCheckpoints()).isEqualTo(4);
	}

	@Test
	void aVerifierWithoutTheRetiredKeyReportsUnknownKeyAtTheFirstRecordItSealed() throws IOException {
		write(Keyring.of("m1", MAC_1), Keyring.of("s1", SIGN_1.getPrivate()), 1, 10);
		write(Keyring.of("m2", MAC_2), Keyring.of("s2", SIGN_2.getPrivate()), 11, 20);

		VerificationResult macOnly = verifier(Map.of("m2", MAC_2), Map.of()).verifyDirectory(this.dir);
		assertThat(macOnly.reason()).isEqualTo(FailureReason.UNKNOWN_KEY);
		assertThat(macOnly.firstBrokenSequence()).isEqualTo(1);
		assertThat(macOnly.tampered()).isTrue();

		VerificationResult publicOnly = verifier(Map.of(), Map.of("s2", SIGN_2.getPublic())).verifyDirectory(this.dir);
		assertThat(publicOnly.reason()).isEqualTo(FailureReason.UNKNOWN_KEY);
		assertThat(publicOnly.firstBrokenSequence()).isEqualTo(5);
	}

	@Test
	void aDisabledKeyInTheVerifiersKeyringChecksNothing() throws IOException {
		write(Keyring.of("m1", MAC_1), null, 1, 3);
		Keyring<SecretKey> disabled = Keyring.of("m2", MAC_2).withAdded("m1", MAC_1).withStatus("m1", KeyStatus.DISABLED);
		VerificationResult result = AuditVerifier.of(disabled, null).verifyDirectory(this.dir);
		assertThat(result.reason()).isEqualTo(FailureReason.UNKNOWN_KEY);
		VerificationResult enabled = AuditVerifier.of(Keyring.of("m2", MAC_2).withAdded("m1", MAC_1), null)
			.verifyDirectory(this.dir);
		assertThat(enabled.intact()).as(enabled.summary()).isTrue();
	}

	@Test
	void swappingARecordsKeyIdForAnotherKnownKeyIsAMacMismatch() throws IOException {
		write(Keyring.of("m1", MAC_1), null, 1, 3);
		write(Keyring.of("m1", MAC_1).withAdded("m2", MAC_2).withPrimary("m2"), null, 4, 6);
		List<String> records = recordLines();
		records.set(4, records.get(4).replace("\"kid\":\"m2\"", "\"kid\":\"m1\""));
		rewrite(records);
		VerificationResult result = verifier(Map.of("m1", MAC_1, "m2", MAC_2), Map.of()).verifyDirectory(this.dir);
		assertThat(result.reason()).isEqualTo(FailureReason.MAC_MISMATCH);
		assertThat(result.firstBrokenSequence()).isEqualTo(5);
	}

	@Test
	void aRecordForgedUnderAnInventedKeyIdIsUnknownKey() throws IOException {
		write(Keyring.of("m1", MAC_1), null, 1, 3);
		List<String> records = recordLines();
		records.set(1, records.get(1).replace("\"kid\":\"m1\"", "\"kid\":\"attacker\""));
		rewrite(records);
		VerificationResult result = verifier(Map.of("m1", MAC_1), Map.of()).verifyDirectory(this.dir);
		assertThat(result.reason()).isEqualTo(FailureReason.UNKNOWN_KEY);
		assertThat(result.firstBrokenSequence()).isEqualTo(2);
	}

	@Test
	void aMalformedKeyIdIsAMalformedRecord() throws IOException {
		write(Keyring.of("m1", MAC_1), null, 1, 2);
		List<String> records = recordLines();
		records.set(0, records.get(0).replace("\"kid\":\"m1\"", "\"kid\":\"m 1\""));
		rewrite(records);
		VerificationResult result = verifier(Map.of("m1", MAC_1), Map.of()).verifyDirectory(this.dir);
		assertThat(result.reason()).isEqualTo(FailureReason.MALFORMED_RECORD);
		assertThat(result.firstBrokenSequence()).isEqualTo(1);
	}

	@Test
	void linesWrittenBeforeKeyIdsVerifyWithTheDefaultKeyAndTheChainContinuesFromThem() throws Exception {
		byte[] legacyKey = AuditTestSupport.HMAC_KEY;
		writeLegacyRecords(legacyKey, 3);
		Keyring<SecretKey> rotated = Keyring.of(AuditRecordFormat.DEFAULT_KEY_ID, AuditKeys.hmacKey(legacyKey))
			.withAdded("m2", MAC_2)
			.withPrimary("m2");
		write(rotated, null, 4, 5);

		assertThat(recordLines().get(0)).startsWith("{\"seq\":1,\"prev\":\"");
		VerificationResult result = AuditVerifier.of(rotated, null).verifyDirectory(this.dir);
		assertThat(result.intact()).as(result.summary()).isTrue();
		assertThat(result.verifiedRecords()).isEqualTo(5);
	}

	@Test
	void auditKeyIdsMustNeedNoEscaping() {
		JsonLinesFileSink sink = new JsonLinesFileSink(this.dir, RotationPolicy.never(), Clock.systemUTC());
		assertThatIllegalArgumentException().isThrownBy(() -> AuditLog.builder(sink, Keyring.of("a\"b", MAC_1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditLog.builder(sink, Keyring.of("m1", MAC_1)).signingKeys(Keyring.of("s 1",
					SIGN_1.getPrivate())));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditLog.builder(sink, Keyring.of("m1",
				AuditKeys.hmacKey(new byte[16]))));
	}

	private void write(Keyring<SecretKey> macKeys, Keyring<PrivateKey> signingKeys, int from, int to)
			throws IOException {
		JsonLinesFileSink sink = new JsonLinesFileSink(this.dir, RotationPolicy.never(), Clock.systemUTC());
		try (AuditLog log = AuditLog.builder(sink, macKeys)
			.signingKeys(signingKeys)
			.durability(Durability.SYNC)
			.checkpointEvery(5)
			.open()) {
			for (int i = from; i <= to; i++) {
				log.append(AuditTestSupport.event(i));
			}
		}
	}

	/** Records in the layout used before key ids: {"seq":N,"prev":..,"event":..,"mac":..}. */
	private void writeLegacyRecords(byte[] key, int count) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(AuditKeys.hmacKey(key));
		String prev = AuditRecordFormat.GENESIS_HASH;
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String body = "{\"seq\":" + i + ",\"prev\":\"" + prev + "\",\"event\":{\"action\":\"legacy\",\"n\":" + i + "}}";
			String macHex = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
			String line = body.substring(0, body.length() - 1) + ",\"mac\":\"" + macHex + "\"}";
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			prev = AuditRecordFormat.hashHex(bytes, 0, bytes.length);
			lines.add(line);
		}
		Files.createDirectories(this.dir);
		Files.write(this.dir.resolve(AuditLogFiles.recordFileName(LocalDate.now(ZoneOffset.UTC), 1)), lines);
	}

	private static AuditVerifier verifier(Map<String, SecretKey> macKeys, Map<String, PublicKey> publicKeys) {
		return new AuditVerifier(macKeys, publicKeys);
	}

	private List<String> recordLines() throws IOException {
		List<String> lines = new ArrayList<>();
		for (Path file : AuditLogFiles.recordFiles(this.dir)) {
			lines.addAll(Files.readAllLines(file));
		}
		return lines;
	}

	private void rewrite(List<String> lines) throws IOException {
		List<Path> files = AuditLogFiles.recordFiles(this.dir);
		assertThat(files).hasSize(1);
		Files.write(files.get(0), lines);
	}

	private static byte[] filled(int value) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) value);
		return key;
	}

}
