package dev.palisade.security.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

/** Sets the key id of a Nimbus JWK of any type. */
final class KeyIds {

	private KeyIds() {
	}

	static JWK withKid(JWK jwk, String kid) {
		if (jwk instanceof RSAKey rsa) {
			return new RSAKey.Builder(rsa).keyID(kid).build();
		}
		if (jwk instanceof ECKey ec) {
			return new ECKey.Builder(ec).keyID(kid).build();
		}
		if (jwk instanceof OctetKeyPair okp) {
			return new OctetKeyPair.Builder(okp).keyID(kid).build();
		}
		if (jwk instanceof OctetSequenceKey oct) {
			return new OctetSequenceKey.Builder(oct).keyID(kid).build();
		}
		return jwk;
	}

}
