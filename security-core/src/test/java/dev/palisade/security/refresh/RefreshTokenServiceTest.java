package dev.palisade.security.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Token format, input validation and secrecy of {@link RefreshTokenService}, independent of the store. */
class RefreshTokenServiceTest {

	private final MutableClock clock = MutableClock.startingNow();

	private CountingRefreshTokenStore store;

	private RefreshTokenService service;

	private final List<RotationFailure> rejections = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.store = new CountingRefreshTokenStore(new InMemoryRefreshTokenStore());
		this.service = new RefreshTokenService(this.store, RefreshTokenPolicy.defaults(), this.clock,
				new RefreshTokenListener() {
					@Override
					public void onRejected(RotationFailure reason, RefreshFamily family) {
						RefreshTokenServiceTest.this.rejections.add(reason);
					}
				});
	}

	@Test
	void tokenIsPrefixedBase64urlOf32RandomBytes() {
		String token = this.service.issue(RefreshGrant.of("alice")).token();

		assertThat(token).startsWith("palrt_").hasSize(6 + 43).matches("palrt_[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(token.substring(6))).hasSize(32);
		assertThat(this.service.issue(RefreshGrant.of("alice")).token()).isNotEqualTo(token);
	}

	@Test
	void prefixIsConfigurableAndEnforced() {
		RefreshTokenService custom = new RefreshTokenService(new InMemoryRefreshTokenStore(),
				new RefreshTokenPolicy(Duration.ofDays(1), Duration.ofHours(1), "acmert"), this.clock,
				RefreshTokenListener.NONE);
		String token = custom.issue(RefreshGrant.of("alice")).token();

		assertThat(token).startsWith("acmert_");
		assertThat(custom.rotate("palrt_" + token.substring(7)))
			.isEqualTo(new RotationResult.Rejected(RotationFailure.MALFORMED));
		assertThat(custom.rotate(token).isRotated()).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "palrt_", "palrt", "Bearer x", "xyzrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 42 characters
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 44 characters
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", // padding
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", // standard, not url alphabet
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.", "palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé",
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", // stray low bits: not a canonical encoding
			"palrt_AAAAAAAAAAAAAAAAAAAAAA'; DROP TABLE x; --AAAAA", "PALRT_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void malformedTokensAreRejectedWithoutTouchingTheStore(String token) {
		assertThat(this.service.rotate(token)).isEqualTo(new RotationResult.Rejected(RotationFailure.MALFORMED));
		assertThat(this.service.revokeToken(token)).isFalse();

		assertThat(this.store.calls).hasValue(0);
		assertThat(this.rejections).containsExactly(RotationFailure.MALFORMED);
	}

	@Test
	void storeSeesOnlyTheSha256OfTheToken() throws Exception {
		List<byte[]> seen = new ArrayList<>();
		RefreshTokenService service = new RefreshTokenService(new InMemoryRefreshTokenStoreSpy(seen),
				RefreshTokenPolicy.defaults(), this.clock, RefreshTokenListener.NONE);

		String token = service.issue(RefreshGrant.of("alice")).token();

		byte[] expected = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		assertThat(seen).hasSize(1);
		assertThat(MessageDigest.isEqual(seen.get(0), expected)).isTrue();
	}

	@Test
	void tokensNeverAppearInToStringOrExceptionMessages() {
		IssuedRefreshToken issued = this.service.issue(new RefreshGrant("alice", "acme", null, null));
		RotationResult.Rotated rotated = this.service.rotate(issued.token()).orElseThrow();
		String secret = rotated.token().token();

		assertThat(issued.toString()).doesNotContain(issued.token()).contains(issued.familyId());
		assertThat(rotated.toString()).doesNotContain(secret).doesNotContain(issued.token());
		RotationResult reused = this.service.rotate(issued.token());
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(reused::orElseThrow)
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(RotationFailure.REUSED);
				assertThat(ex.getMessage()).doesNotContain(issued.token()).doesNotContain(issued.token().substring(6));
			});
		assertThat(reused.toString()).doesNotContain(issued.token());
		assertThat(this.service.findFamily(issued.familyId()).orElseThrow().toString()).doesNotContain(secret);
	}

	@Test
	void anAuditRefusalReachesTheCaller() {
		RefreshTokenService audited = new RefreshTokenService(new InMemoryRefreshTokenStore(),
				RefreshTokenPolicy.defaults(), this.clock, new RefreshTokenListener() {
					@Override
					public void onRevoked(RefreshFamily family) {
						throw new dev.palisade.security.audit.AuditWriteException("audit log has failed", null);
					}
				});
		IssuedRefreshToken issued = audited.issue(RefreshGrant.of("alice"));
		assertThatExceptionOfType(dev.palisade.security.audit.AuditWriteException.class)
			.isThrownBy(() -> audited.revokeFamily(issued.familyId()));
		// the revocation itself stands
		assertThat(audited.rotate(issued.token()).isRotated()).isFalse();
	}

	@Test
	void tokensNeverAppearInLogsEvenWhenAListenerFailsWithTheTokenInItsMessage() {
		List<LogRecord> records = new ArrayList<>();
		Logger logger = Logger.getLogger(RefreshTokenService.class.getName());
		Handler handler = new Handler() {
			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		logger.addHandler(handler);
		try {
			String[] leaked = new String[1];
			RefreshTokenService leaky = new RefreshTokenService(new InMemoryRefreshTokenStore(),
					RefreshTokenPolicy.defaults(), this.clock, new RefreshTokenListener() {
						@Override
						public void onRotated(RefreshFamily family) {
							throw new IllegalStateException("listener saw " + leaked[0]);
						}
					});
			IssuedRefreshToken issued = leaky.issue(RefreshGrant.of("alice"));
			leaked[0] = issued.token();

			assertThat(leaky.rotate(issued.token()).isRotated()).isTrue();

			assertThat(records).isNotEmpty();
			for (LogRecord record : records) {
				assertThat(record.getMessage()).doesNotContain(issued.token());
				assertThat(record.getThrown()).isNull();
			}
		}
		finally {
			logger.removeHandler(handler);
		}
	}

	@Test
	void listenerFailureDoesNotUndoTheRotation() {
		RefreshTokenService failing = new RefreshTokenService(this.store, RefreshTokenPolicy.defaults(), this.clock,
				new RefreshTokenListener() {
					@Override
					public void onIssued(RefreshFamily family) {
						throw new IllegalStateException("audit down");
					}
				});
		IssuedRefreshToken issued = failing.issue(RefreshGrant.of("alice"));

		assertThat(failing.rotate(issued.token()).isRotated()).isTrue();
	}

	@Test
	void sweepNeedsAPositiveBatchSize() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.service.sweepExpired(0));
	}

	/** Records the hashes handed to createFamily. */
	private static final class InMemoryRefreshTokenStoreSpy implements RefreshTokenStore {

		private final InMemoryRefreshTokenStore delegate = new InMemoryRefreshTokenStore();

		private final List<byte[]> seen;

		InMemoryRefreshTokenStoreSpy(List<byte[]> seen) {
			this.seen = seen;
		}

		@Override
		public void createFamily(RefreshFamily family, byte[] tokenHash) {
			this.seen.add(tokenHash.clone());
			this.delegate.createFamily(family, tokenHash);
		}

		@Override
		public StoreRotation rotate(byte[] presentedHash, byte[] newHash, java.time.Instant now, Duration idle) {
			return this.delegate.rotate(presentedHash, newHash, now, idle);
		}

		@Override
		public java.util.Optional<RefreshFamily> findFamily(String familyId) {
			return this.delegate.findFamily(familyId);
		}

		@Override
		public java.util.Optional<RefreshFamily> findFamilyByToken(byte[] tokenHash) {
			return this.delegate.findFamilyByToken(tokenHash);
		}

		@Override
		public java.util.Optional<RefreshFamily> revokeFamily(String familyId, java.time.Instant now) {
			return this.delegate.revokeFamily(familyId, now);
		}

		@Override
		public List<RefreshFamily> revokeAllForSubject(String subject, java.time.Instant now) {
			return this.delegate.revokeAllForSubject(subject, now);
		}

		@Override
		public int sweepExpired(java.time.Instant now, int batchSize) {
			return this.delegate.sweepExpired(now, batchSize);
		}
	}
}
