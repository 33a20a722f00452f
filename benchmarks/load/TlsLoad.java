import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small HTTPS load generator for benchmarks/load/tls-overhead.sh: T threads send GET requests for
 * S seconds and it prints requests/s. "new" opens a TLS connection per request (one SSLContext, so
 * its session cache resumes sessions: TLS 1.3 PSK) and resets it after the response; "keepalive"
 * sends every request of a thread on one connection. With a certificate and key it does mutual TLS. JDK only, so it runs as
 *   java benchmarks/load/TlsLoad.java host port path seconds threads new|keepalive ca.crt [client.crt client.key]
 * wrk cannot present a client certificate, hence this.
 */
public class TlsLoad {

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		String path = args[2];
		long seconds = Long.parseLong(args[3]);
		int threads = Integer.parseInt(args[4]);
		boolean newConnections = args[5].equals("new");
		SSLSocketFactory sockets = context(Path.of(args[6]), (args.length > 8) ? Path.of(args[7]) : null,
				(args.length > 8) ? Path.of(args[8]) : null).getSocketFactory();
		byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		LongAdder done = new LongAdder();
		LongAdder failed = new LongAdder();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				SSLSocket socket = null;
				while (System.nanoTime() < deadline) {
					try {
						if (socket == null) {
							socket = (SSLSocket) sockets.createSocket(host, port);
							socket.setTcpNoDelay(true);
						}
						OutputStream out = socket.getOutputStream();
						out.write(request);
						out.flush();
						int status = readResponse(socket.getInputStream());
						if (status == 200) {
							done.increment();
						}
						else {
							failed.increment();
						}
						if (newConnections) {
							// the client closes first, with a reset: no TIME_WAIT, so loopback ports do not run out
							socket.setSoLinger(true, 0);
							socket.close();
							socket = null;
						}
					}
					catch (Exception ex) {
						failed.increment();
						socket = null;
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		System.out.printf("%.1f%n", done.sum() / (double) seconds);
		if (failed.sum() > 0) {
			System.err.println("failed: " + failed.sum());
		}
	}

	/** Reads one response (status line, headers, Content-Length body); its status. */
	private static int readResponse(InputStream in) throws Exception {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IllegalStateException("closed");
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String headers = head.toString(StandardCharsets.ISO_8859_1);
		int status = Integer.parseInt(headers.substring(9, 12));
		int length = 0;
		for (String line : headers.split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		in.readNBytes(length);
		return status;
	}

	private static SSLContext context(Path ca, Path certificate, Path key) throws Exception {
		CertificateFactory x509 = CertificateFactory.getInstance("X.509");
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(ca)) {
			trust.setCertificateEntry("ca", x509.generateCertificate(in));
		}
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		KeyManagerFactory keyManagers = null;
		if (certificate != null) {
			Certificate client;
			try (InputStream in = Files.newInputStream(certificate)) {
				client = x509.generateCertificate(in);
			}
			String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			PrivateKey privateKey = KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(null, null);
			keys.setKeyEntry("client", privateKey, new char[0], new Certificate[] { client });
			keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keys, new char[0]);
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(), null);
		return context;
	}
}
