/**
 * The people and machine clients that sign in at Palisade's token endpoint: a
 * {@link dev.palisade.security.user.PalisadeUserDirectory} for the password grant and a
 * {@link dev.palisade.security.user.ServiceAccountDirectory} for the client-credentials grant.
 */
package dev.palisade.security.user;
