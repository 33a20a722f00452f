package dev.palisade.security.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
	void tokenIsPrefixedBase64urlOfTheFamilyHandleAnd32RandomBytes() {
		IssuedRefreshToken issued = this.service.issue(RefreshGrant.of("alice"));
		String token = issued.token();
		String next = this.service.rotate(token).orElseThrow().token().token();
		String otherSignIn = this.service.issue(RefreshGrant.of("alice")).token();

		assertThat(token).startsWith("palrt_").hasSize(6 + 64).matches("palrt_[A-Za-z0-9_-]{64}");
		byte[] bytes = Base64.getUrlDecoder().decode(token.substring(6));
		assertThat(bytes).hasSize(48);
		byte[] handle = Arrays.copyOf(bytes, 16);
		// every token of a family starts with its handle; the rest is new with each token
		assertThat(Arrays.copyOf(Base64.getUrlDecoder().decode(next.substring(6)), 16)).isEqualTo(handle);
		assertThat(next.substring(6 + 22)).isNotEqualTo(token.substring(6 + 22));
		assertThat(Arrays.copyOf(Base64.getUrlDecoder().decode(otherSignIn.substring(6)), 16)).isNotEqualTo(handle);
		// the handle is not the family id, which audit records and admin views show
		assertThat(Base64.getUrlDecoder().decode(issued.familyId())).isNotEqualTo(handle);
	}

	@Test
	void aTokenOfTheFormerFormatIsStillWellFormed() {
		// 43 characters, from before family handles: the store looks it up by hash alone
		assertThat(this.service.rotate("palrt_" + "A".repeat(43)))
			.isEqualTo(new RotationResult.Rejected(RotationFailure.UNKNOWN));
		assertThat(this.store.calls).hasValue(1);
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
			"palrt_AAAAAAAAAAAAAAAAAAAAAA'; DROP TABLE x; --AAAAA", "PALRT_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 63 characters
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 65 characters
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+A", // 64, standard alphabet
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==" })
	void malformedTokensAreRejectedWithoutTouchingTheStore(String token) {
		assertThat(this.service.rotate(token)).isEqualTo(new RotationResult.Rejected(RotationFailure.MALFORMED));
		assertThat(this.service.revokeToken(token)).isFalse();

		assertThat(this.store.calls).hasValue(0);
		assertThat(this.rejections).containsExactly(RotationFailure.MALFORMED);
	}

	@Test
	void storeSeesOnlyTheHandleAndTheSha256OfTheToken() throws Exception {
		List<RefreshTokenKey> seen = new ArrayList<>();
		RefreshTokenService service = new RefreshTokenService(new InMemoryRefreshTokenStoreSpy(seen),
				RefreshTokenPolicy.defaults(), this.clock, RefreshTokenListener.NONE);

		String token = service.issue(RefreshGrant.of("alice")).token();

		byte[] expected = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		assertThat(seen).hasSize(1);
		assertThat(MessageDigest.isEqual(seen.get(0).hash(), expected)).isTrue();
		assertThat(seen.get(0).handle()).isEqualTo(Arrays.copyOf(Base64.getUrlDecoder().decode(token.substring(6)), 16));
		assertThat(seen.get(0).toString()).doesNotContain(seen.get(0).handleHex()).doesNotContain(seen.get(0).hashHex());
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

	/** Records the keys handed to createFamily. */
	private static final class InMemoryRefreshTokenStoreSpy implements RefreshTokenStore {

		private final InMemoryRefreshTokenStore delegate = new InMemoryRefreshTokenStore();

		private final List<RefreshTokenKey> seen;

		InMemoryRefreshTokenStoreSpy(List<RefreshTokenKey> seen) {
			this.seen = seen;
		}

		@Override
		public void createFamily(RefreshFamily family, RefreshTokenKey token) {
			this.seen.add(token);
			this.delegate.createFamily(family, token);
		}

		@Override
		public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, java.time.Instant now,
				Duration idle) {
			return this.delegate.rotate(presented, next, now, idle);
		}

		@Override
		public java.util.Optional<RefreshFamily> findFamily(String familyId) {
			return this.delegate.findFamily(familyId);
		}

		@Override
		public java.util.Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
			return this.delegate.findFamilyByToken(token);
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
