package dev.palisade.security.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Time-ordered UUID version 7 identifiers (RFC 9562, section 5.7), monotonic within one generator.
 * <p>
 * Hand-written because JDK 17 has no UUIDv7 and the format is 20 lines: 48 bits of Unix
 * milliseconds, the version, a 12-bit counter that keeps ids ordered within one millisecond
 * (RFC 9562 section 6.2, method 1), the variant, and 62 random bits.
 */
public final class UuidV7Generator {

	private static final UuidV7Generator SHARED = new UuidV7Generator(Clock.systemUTC());

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private long lastMillis = -1;

	private int counter;

	/** A generator reading time from {@code clock}. */
	public UuidV7Generator(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The process-wide generator on the system clock. */
	public static UuidV7Generator shared() {
		return SHARED;
	}

	/** The next identifier; never smaller than the previous one from this generator. */
	public synchronized UUID next() {
		long now = this.clock.millis();
		if (now > this.lastMillis) {
			this.lastMillis = now;
			this.counter = this.random.nextInt(1 << 11);
		}
		else if (++this.counter > 0xFFF) {
			this.lastMillis++;
			this.counter = 0;
		}
		long msb = (this.lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | this.counter;
		long lsb = (this.random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(msb, lsb);
	}

	/** The Unix millisecond timestamp carried by a version 7 UUID. */
	public static long millisOf(UUID uuid) {
		if (uuid.version() != 7) {
			throw new IllegalArgumentException("not a version 7 UUID");
		}
		return uuid.getMostSignificantBits() >>> 16;
	}
}
