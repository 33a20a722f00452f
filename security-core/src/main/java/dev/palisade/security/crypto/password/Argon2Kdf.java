package dev.palisade.security.crypto.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The raw Argon2 function (RFC 9106) through BouncyCastle's {@link Argon2BytesGenerator}, with
 * the secret and associated-data inputs the PHC format cannot carry (used by the RFC vectors).
 */
final class Argon2Kdf {

	/** Argon2d, Argon2i and Argon2id as in RFC 9106 section 3.1 ({@code y}). */
	enum Type {

		ARGON2D(Argon2Parameters.ARGON2_d), ARGON2I(Argon2Parameters.ARGON2_i), ARGON2ID(Argon2Parameters.ARGON2_id);

		private final int bcType;

		Type(int bcType) {
			this.bcType = bcType;
		}
	}

	/** Argon2 version 1.3 ({@code 0x13}), the only one RFC 9106 specifies. */
	static final int VERSION_13 = Argon2Parameters.ARGON2_VERSION_13;

	private Argon2Kdf() {
	}

	static byte[] derive(Type type, int memoryKib, int iterations, int parallelism, byte[] password, byte[] salt,
			byte[] secret, byte[] associatedData, int tagLength) {
		Argon2Parameters.Builder builder = new Argon2Parameters.Builder(type.bcType).withVersion(VERSION_13)
			.withMemoryAsKB(memoryKib)
			.withIterations(iterations)
			.withParallelism(parallelism)
			.withSalt(salt);
		if (secret != null) {
			builder.withSecret(secret);
		}
		if (associatedData != null) {
			builder.withAdditional(associatedData);
		}
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(builder.build());
		byte[] tag = new byte[tagLength];
		generator.generateBytes(password, tag);
		return tag;
	}
}
