package dev.palisade.security.test;

import java.util.Set;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc request post-processors for Palisade credentials, in the style of Spring Security's
 * {@code SecurityMockMvcRequestPostProcessors.jwt()}:
 *
 * <pre class="code">
 * mvc.perform(get("/api/v1/agents").with(apiKey().org("acme").scopes("agents:read")))
 * </pre>
 *
 * The request runs as an authenticated API key caller without a real key.
 */
public final class PalisadeRequestPostProcessors {

	private PalisadeRequestPostProcessors() {
	}

	/** A caller authenticated with an API key (key id {@code test-key}, no org, no scopes until set). */
	public static ApiKeyRequestPostProcessor apiKey() {
		return new ApiKeyRequestPostProcessor();
	}

	/** Builds the API key caller of a request; every method returns this post-processor. */
	public static final class ApiKeyRequestPostProcessor implements RequestPostProcessor {

		private String keyId = "test-key";

		private String org;

		private String project;

		private Set<String> scopes = Set.of();

		private ApiKeyRequestPostProcessor() {
		}

		/** The key id, which becomes the principal's subject. */
		public ApiKeyRequestPostProcessor keyId(String keyId) {
			this.keyId = keyId;
			return this;
		}

		/** The organisation the key is scoped to. */
		public ApiKeyRequestPostProcessor org(String org) {
			this.org = org;
			return this;
		}

		/** The project within the organisation. */
		public ApiKeyRequestPostProcessor project(String project) {
			this.project = project;
			return this;
		}

		/** The key's scopes, which become permissions and authorities. */
		public ApiKeyRequestPostProcessor scopes(String... scopes) {
			this.scopes = Set.of(scopes);
			return this;
		}

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			return SecurityMockMvcRequestPostProcessors
				.authentication(MockApiKeys.authentication(this.keyId, this.org, this.project, this.scopes))
				.postProcessRequest(request);
		}
	}
}
