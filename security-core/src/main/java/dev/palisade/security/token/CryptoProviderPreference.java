package dev.palisade.security.token;

/**
 * Which JCA provider computes ECDSA (ES256/ES384) and EdDSA signatures. RSA and HMAC always use the
 * JDK provider. Both choices pass the same Wycheproof vectors; the default is the faster one as
 * measured by {@code TokenVerificationBenchmark}.
 */
public enum CryptoProviderPreference {

	/** The providers that ship with the JDK (SunEC). */
	JDK,

	/** BouncyCastle's provider, used as an instance (it is never registered globally). */
	BOUNCY_CASTLE;

	/**
	 * The default for issuers and verifiers: BouncyCastle. In the first (short, noisy) JMH runs of
	 * {@code TokenVerificationBenchmark} on JDK 17 it verified ES256 and EdDSA tokens faster than SunEC,
	 * and it accepts the valid Wycheproof ECDSA vectors with x(kG) >= n that JDK 17's SunEC rejects.
	 */
	public static CryptoProviderPreference defaultPreference() {
		return BOUNCY_CASTLE;
	}

}
