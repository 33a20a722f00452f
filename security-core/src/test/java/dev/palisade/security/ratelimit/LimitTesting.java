package dev.palisade.security.ratelimit;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.palisade.security.net.IpAddresses;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/** Request builders and a concurrent hammer shared by the rate-limit tests. */
public final class LimitTesting {

	private LimitTesting() {
	}

	public static RateLimitRequest anonymous(String path, String ip) {
		return new RateLimitRequest(path, "GET", null, null, IpAddresses.parse(ip));
	}

	public static RateLimitRequest as(PalisadePrincipal principal, String path, String ip) {
		return new RateLimitRequest(path, "GET", principal, null, IpAddresses.parse(ip));
	}

	public static PalisadePrincipal user(String subject, String org) {
		return new PalisadePrincipal(subject, PrincipalKind.USER, org, null, Set.of(), Set.of());
	}

	public static PalisadePrincipal apiKey(String keyId) {
		return new PalisadePrincipal(keyId, PrincipalKind.API_KEY, "acme", null, Set.of(), Set.of());
	}

	/**
	 * Runs {@code threads x attempts} checks, released together by a latch, and counts the allowed
	 * ones.
	 */
	public static int admittedConcurrently(List<RateLimiter> limiters, RateLimitRequest request, int threads,
			int attempts) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			AtomicInteger admitted = new AtomicInteger();
			Future<?>[] futures = new Future<?>[threads];
			for (int t = 0; t < threads; t++) {
				RateLimiter limiter = limiters.get(t % limiters.size());
				futures[t] = pool.submit(() -> {
					start.await();
					for (int i = 0; i < attempts; i++) {
						if (limiter.check(request).allowed()) {
							admitted.incrementAndGet();
						}
					}
					return null;
				});
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
			return admitted.get();
		}
		finally {
			pool.shutdownNow();
		}
	}
}
