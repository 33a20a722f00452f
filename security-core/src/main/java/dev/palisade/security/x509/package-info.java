/**
 * X.509 client certificates as credentials: checking one ({@link dev.palisade.security.x509.ClientCertificateValidator}:
 * PKIX chain, validity, key usage, CRL), turning it into a principal
 * ({@link dev.palisade.security.x509.ClientCertificateMapper}, by SAN or subject DN), its RFC 8705
 * thumbprint ({@link dev.palisade.security.x509.CertificateThumbprints}), and a development PKI
 * ({@link dev.palisade.security.x509.DevelopmentPki}).
 */
package dev.palisade.security.x509;
