package dev.palisade.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshTokenKey;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import dev.palisade.security.refresh.StoreRotation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With the refresh-token store down, the token endpoint answers 503 temporarily_unavailable, not 500. */
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false" })
@AutoConfigureMockMvc
class RefreshStoreDownHttpTests {

	private static final String UNAVAILABLE = "{\"error\":\"temporarily_unavailable\"}";

	@Autowired
	MockMvc mvc;

	@Test
	void passwordGrantWithTheStoreDownIs503TemporarilyUnavailable() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", "acme-dev")
				.param("password", "acme-dev-password"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().json(UNAVAILABLE, true));
	}

	@Test
	void refreshWithTheStoreDownIs503TemporarilyUnavailable() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"palrt_" + "A".repeat(43) + "\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().json(UNAVAILABLE, true));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StoreDown {

		@Bean
		RefreshTokenStore downRefreshTokenStore() {
			return new DownStore();
		}
	}

	/** A store whose backend is unreachable: every call fails, with a detail that must not leak. */
	static final class DownStore implements RefreshTokenStore {

		private static RefreshTokenStoreException down() {
			return new RefreshTokenStoreException("connection to db.internal:5432 refused");
		}

		@Override
		public void createFamily(RefreshFamily family, RefreshTokenKey token) {
			throw down();
		}

		@Override
		public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now, Duration idleTimeout) {
			throw down();
		}

		@Override
		public Optional<RefreshFamily> findFamily(String familyId) {
			throw down();
		}

		@Override
		public Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
			throw down();
		}

		@Override
		public Optional<RefreshFamily> revokeFamily(String familyId, Instant now) {
			throw down();
		}

		@Override
		public List<RefreshFamily> revokeAllForSubject(String subject, Instant now) {
			throw down();
		}

		@Override
		public int sweepExpired(Instant now, int batchSize) {
			throw down();
		}
	}
}
