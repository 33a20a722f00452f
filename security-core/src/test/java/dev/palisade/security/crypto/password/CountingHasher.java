package dev.palisade.security.crypto.password;

import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real hasher and counts calls, to prove how many hash computations a path performs. */
final class CountingHasher implements PasswordHasher {

	final PasswordHasher delegate;

	final AtomicInteger hashCalls = new AtomicInteger();

	final AtomicInteger matchesCalls = new AtomicInteger();

	CountingHasher(PasswordHasher delegate) {
		this.delegate = delegate;
	}

	@Override
	public String hash(CharSequence raw) {
		this.hashCalls.incrementAndGet();
		return this.delegate.hash(raw);
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		this.matchesCalls.incrementAndGet();
		return this.delegate.matches(raw, encoded);
	}

	@Override
	public boolean needsRehash(String encoded) {
		return this.delegate.needsRehash(encoded);
	}

	int computations() {
		return this.hashCalls.get() + this.matchesCalls.get();
	}

	void reset() {
		this.hashCalls.set(0);
		this.matchesCalls.set(0);
	}
}
