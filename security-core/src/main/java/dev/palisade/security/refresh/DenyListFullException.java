package dev.palisade.security.refresh;

/**
 * A revocation was refused because the deny list holds its maximum of live entries; the access
 * token stays valid until its expiry. Only the revoking caller is affected (answered 503): every
 * other token is judged exactly as before.
 */
public final class DenyListFullException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param maximumSize the bound that was reached */
	public DenyListFullException(long maximumSize) {
		super("the access-token deny list holds its maximum of " + maximumSize
				+ " live entries (palisade.refresh.deny-list-maximum-size)");
	}
}
