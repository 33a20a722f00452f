/**
 * Sign-in through an outside identity provider (an OpenID provider such as Google, or an OAuth 2.0
 * one such as GitHub): what the provider vouches for ({@link dev.palisade.security.federation.ExternalIdentity})
 * and the seam that decides which Palisade principal, if any, that person is
 * ({@link dev.palisade.security.federation.ExternalIdentityLinker}).
 */
package dev.palisade.security.federation;
