package dev.palisade.security.secrets;

/**
 * A reference to one field of a secret, written {@code path#field}, as in the configuration
 * placeholder {@code ${palisade-secret:palisade/tokens#hmac-secret}}.
 *
 * @param path the secret
 * @param field the field
 */
public record SecretReference(SecretPath path, String field) {

	/**
	 * The reference written as {@code path#field}.
	 * @throws InvalidSecretException if it is not of that form
	 */
	public static SecretReference parse(String text) {
		int hash = (text != null) ? text.lastIndexOf('#') : -1;
		if (hash <= 0 || hash == text.length() - 1) {
			throw new InvalidSecretException("A secret reference is 'path#field', for example 'palisade/tokens#hmac-secret'");
		}
		return new SecretReference(SecretPath.of(text.substring(0, hash)), text.substring(hash + 1));
	}

	/**
	 * The field's value in {@code store}.
	 * @throws SecretStoreException if the secret or the field is missing, or the store fails
	 */
	public String resolve(SecretStore store) {
		Secret secret = store.get(this.path).orElseThrow(() -> new SecretStoreException("No secret at " + this.path));
		String value = secret.field(this.field);
		if (value == null) {
			throw new SecretStoreException("The secret " + this.path + " has no field '" + this.field + "'");
		}
		return value;
	}

	@Override
	public String toString() {
		return this.path + "#" + this.field;
	}

}
