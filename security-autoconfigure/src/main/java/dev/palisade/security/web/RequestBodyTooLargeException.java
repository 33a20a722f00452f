package dev.palisade.security.web;

import java.io.IOException;

/** A request body grew past {@code palisade.network.limits.max-body-size} while it was read. */
public final class RequestBodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	RequestBodyTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}
}
