package dev.palisade.security.x509;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * A client certificate that a mapping claimed.
 *
 * @param mapping the mapping's name (bounded: one per configured client)
 * @param principal who the certificate is, of kind {@code client_cert}
 */
public record MappedClient(String mapping, PalisadePrincipal principal) {
}
