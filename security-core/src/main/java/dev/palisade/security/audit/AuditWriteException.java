package dev.palisade.security.audit;

/** An audit event could not be written; the log fails closed and refuses later events. */
public final class AuditWriteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message that carries no event content. */
	public AuditWriteException(String message, Throwable cause) {
		super(message, cause);
	}
}
