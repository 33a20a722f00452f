package dev.palisade.sample.tls;

import java.io.Reader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import dev.palisade.security.x509.IssuedCertificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** HTTPS clients for the mTLS tests: trusting the development CA, with or without a client certificate. */
final class TlsClients {

	private TlsClients() {
	}

	static X509Certificate certificate(Path pem) throws Exception {
		try (var in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	static PrivateKey privateKey(Path pem) throws Exception {
		try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
			return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
		}
	}

	/** An SSL context trusting {@code ca}, presenting {@code client} when it is not {@code null}. */
	static SSLContext context(X509Certificate ca, IssuedCertificate client) throws Exception {
		TrustManagerFactory trustManagers = trusting(ca);
		KeyManagerFactory keyManagers = null;
		if (client != null) {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(null, null);
			keys.setKeyEntry("client", client.privateKey(), new char[0], new X509Certificate[] { client.certificate() });
			keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, new char[0]);
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(), null);
		return context;
	}

	private static TrustManagerFactory trusting(X509Certificate ca) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		return trustManagers;
	}

	static HttpClient http(X509Certificate ca, IssuedCertificate client) throws Exception {
		return HttpClient.newBuilder().sslContext(context(ca, client)).build();
	}

	/**
	 * A client that sends {@code client} whatever CAs the server names (the JDK's key manager would
	 * otherwise keep a certificate from another CA to itself and send none).
	 */
	static HttpClient insisting(X509Certificate ca, IssuedCertificate client) throws Exception {
		X509ExtendedKeyManager always = new X509ExtendedKeyManager() {

			@Override
			public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
				return "client";
			}

			@Override
			public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
				return "client";
			}

			@Override
			public X509Certificate[] getCertificateChain(String alias) {
				return new X509Certificate[] { client.certificate() };
			}

			@Override
			public PrivateKey getPrivateKey(String alias) {
				return client.privateKey();
			}

			@Override
			public String[] getClientAliases(String keyType, Principal[] issuers) {
				return new String[] { "client" };
			}

			@Override
			public String[] getServerAliases(String keyType, Principal[] issuers) {
				return null;
			}

			@Override
			public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
				return null;
			}
		};
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(new javax.net.ssl.KeyManager[] { always }, trusting(ca).getTrustManagers(), null);
		return HttpClient.newBuilder().sslContext(context).build();
	}
}
