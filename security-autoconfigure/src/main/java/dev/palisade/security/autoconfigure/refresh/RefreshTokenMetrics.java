package dev.palisade.security.autoconfigure.refresh;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshTokenListener;
import dev.palisade.security.refresh.RotationFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer counters for refresh tokens: {@value #REUSE} (a rotated token came back: likely
 * theft), {@value #ROTATIONS} tagged {@code outcome} ({@code rotated} or a lower-case
 * {@link RotationFailure} name: a bounded set), {@value #ISSUED} and {@value #REVOKED}. No tag
 * carries a subject, family id or token.
 */
public final class RefreshTokenMetrics implements RefreshTokenListener {

	/** Counter of detected reuses. */
	public static final String REUSE = "palisade.refresh.reuse";

	/** Counter of presented refresh tokens by {@code outcome}. */
	public static final String ROTATIONS = "palisade.refresh.rotations";

	/** Counter of new families (sign-ins). */
	public static final String ISSUED = "palisade.refresh.issued";

	/** Counter of families revoked by a revocation call. */
	public static final String REVOKED = "palisade.refresh.revoked";

	private final Counter reuse;

	private final Counter rotated;

	private final Map<RotationFailure, Counter> rejected = new EnumMap<>(RotationFailure.class);

	private final Counter issued;

	private final Counter revoked;

	public RefreshTokenMetrics(MeterRegistry registry) {
		this.reuse = Counter.builder(REUSE)
			.description("Refresh tokens presented again after rotation; the family was revoked")
			.register(registry);
		this.rotated = rotations(registry, "rotated");
		for (RotationFailure failure : RotationFailure.values()) {
			this.rejected.put(failure, rotations(registry, failure.name().toLowerCase(Locale.ROOT)));
		}
		this.issued = Counter.builder(ISSUED).description("Refresh-token families issued").register(registry);
		this.revoked = Counter.builder(REVOKED).description("Refresh-token families revoked").register(registry);
	}

	private static Counter rotations(MeterRegistry registry, String outcome) {
		return Counter.builder(ROTATIONS)
			.description("Refresh tokens presented, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public void onIssued(RefreshFamily family) {
		this.issued.increment();
	}

	@Override
	public void onRotated(RefreshFamily family) {
		this.rotated.increment();
	}

	@Override
	public void onReuseDetected(RefreshFamily family) {
		this.reuse.increment();
	}

	@Override
	public void onRejected(RotationFailure reason, RefreshFamily family) {
		this.rejected.get(reason).increment();
	}

	@Override
	public void onRevoked(RefreshFamily family) {
		this.revoked.increment();
	}
}
