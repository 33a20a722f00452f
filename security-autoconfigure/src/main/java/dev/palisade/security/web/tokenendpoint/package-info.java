/**
 * Palisade's OAuth 2.0 token endpoint ({@code password}, {@code refresh_token} and
 * {@code client_credentials} grants), RFC 7009 revocation and sign-out everywhere, registered by
 * {@code PalisadeTokenEndpointAutoConfiguration}.
 */
package dev.palisade.security.web.tokenendpoint;
