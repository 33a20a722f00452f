package dev.palisade.security.autoconfigure.tls;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Names the properties behind a server SSL bundle that cannot be loaded when {@code palisade.tls}
 * is on (a missing or malformed PEM file, a private key that does not match its certificate):
 * Spring Boot's own message names the file at best, not the property to fix. The files' contents
 * are never shown.
 */
final class TlsBundleFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	TlsBundleFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		Binder binder = Binder.get(this.environment);
		if (!binder.bind("palisade.tls.enabled", Boolean.class).orElse(false) || !bundleFailure(failure)) {
			return null;
		}
		String bundle = binder.bind("palisade.tls.bundle", String.class).orElse("palisade");
		String prefix = "spring.ssl.bundle.pem." + bundle + ".keystore.";
		String reason = rootMessage(failure);
		return new FailureAnalysis(
				"Palisade cannot serve HTTPS: the SSL bundle '" + bundle + "' (server.ssl.bundle) does not load: " + reason
						+ ". It is made of " + prefix + "certificate=" + this.environment.getProperty(prefix + "certificate")
						+ " and " + prefix + "private-key=" + this.environment.getProperty(prefix + "private-key") + ".",
				"Point " + prefix + "certificate at the server's PEM certificate (chain) and " + prefix
						+ "private-key at its PEM private key (the key of that certificate), or set"
						+ " palisade.tls.dev-pki.directory for a development PKI.",
				failure);
	}

	private static boolean bundleFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Unable to register SSL bundle") || message.contains("Unable to create key store")
					|| message.contains("Could not load store")
					|| message.contains("Private key in keystore matches none")
					|| message.contains("Private key matches none")) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + " (" + root.getMessage() + ")";
	}
}
