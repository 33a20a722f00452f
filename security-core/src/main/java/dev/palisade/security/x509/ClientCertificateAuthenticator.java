package dev.palisade.security.x509;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A client certificate chain to a {@link MappedClient}: {@link ClientCertificateValidator}, then
 * {@link ClientCertificateMapper}, with accepted chains remembered (Caffeine, by the chain's DER)
 * for {@code ttl} or until the leaf expires, whichever is sooner, because path validation is most of
 * what mutual TLS costs a request on a kept-alive connection. A remembered chain is still checked
 * against the clock on every use. Refusals are never remembered. The CRLs are fixed at start-up, so
 * remembering cannot miss a revocation the validator would have seen.
 */
public final class ClientCertificateAuthenticator {

	private final ClientCertificateValidator validator;

	private final ClientCertificateMapper mapper;

	private final Clock clock;

	private final Cache<List<X509Certificate>, Accepted> accepted;

	public ClientCertificateAuthenticator(ClientCertificateValidator validator, ClientCertificateMapper mapper,
			Clock clock, Duration ttl, long maximumSize) {
		this.validator = validator;
		this.mapper = mapper;
		this.clock = clock;
		this.accepted = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<List<X509Certificate>, Accepted>() {
			@Override
			public long expireAfterCreate(List<X509Certificate> chain, Accepted value, long currentTime) {
				Duration untilExpiry = Duration.between(clock.instant(), value.notAfter());
				return Math.max(0, Math.min(ttl.toNanos(), untilExpiry.toNanos()));
			}

			@Override
			public long expireAfterUpdate(List<X509Certificate> chain, Accepted value, long currentTime,
					long currentDuration) {
				return currentDuration;
			}

			@Override
			public long expireAfterRead(List<X509Certificate> chain, Accepted value, long currentTime,
					long currentDuration) {
				return currentDuration;
			}
		}).build();
	}

	public ClientCertificateValidator validator() {
		return this.validator;
	}

	public ClientCertificateMapper mapper() {
		return this.mapper;
	}

	/**
	 * @param chain the leaf first
	 * @return the mapped client and the leaf's thumbprint, or why there is none
	 */
	public Outcome authenticate(List<X509Certificate> chain) {
		if (chain == null || chain.isEmpty()) {
			return Outcome.refused(CertificateCheck.MISSING);
		}
		List<X509Certificate> key = List.copyOf(chain);
		Accepted remembered = this.accepted.getIfPresent(key);
		if (remembered != null && this.clock.instant().isBefore(remembered.notAfter())) {
			return new Outcome(CertificateCheck.VALID, remembered.client(), remembered.thumbprint());
		}
		CertificateCheck check = this.validator.validate(key);
		if (check != CertificateCheck.VALID) {
			this.accepted.invalidate(key);
			return Outcome.refused(check);
		}
		MappedClient client = this.mapper.map(key.get(0)).orElse(null);
		if (client == null) {
			return new Outcome(CertificateCheck.VALID, null, null);
		}
		Accepted fresh = new Accepted(client, CertificateThumbprints.x5tS256(key.get(0)),
				key.get(0).getNotAfter().toInstant());
		this.accepted.put(key, fresh);
		return new Outcome(CertificateCheck.VALID, client, fresh.thumbprint());
	}

	private record Accepted(MappedClient client, String thumbprint, Instant notAfter) {
	}

	/**
	 * @param check the validator's answer
	 * @param client the mapped client, or {@code null} (refused, or valid but unmapped)
	 * @param thumbprint the leaf's {@code x5t#S256} when mapped
	 */
	public record Outcome(CertificateCheck check, MappedClient client, String thumbprint) {

		static Outcome refused(CertificateCheck check) {
			return new Outcome(check, null, null);
		}

		/** Why there is no client: the validator's reason, or {@code unmapped}. */
		public String reasonCode() {
			return (this.check != CertificateCheck.VALID) ? this.check.reasonCode() : "unmapped";
		}
	}
}
