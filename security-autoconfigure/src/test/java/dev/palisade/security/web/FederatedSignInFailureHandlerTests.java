package dev.palisade.security.web;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditResult;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedSignInFailureHandlerTests {

	private final List<AuditEvent> events = new ArrayList<>();

	private final FederatedSignInFailureHandler handler = new FederatedSignInFailureHandler(this.events::add,
			"/app/login");

	@Test
	void aFailureIsRecordedAndLooksLikeAWrongPassword() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.onAuthenticationFailure(new MockHttpServletRequest(), response,
				new OAuth2AuthenticationException(new OAuth2Error(ExternalIdentityUserServices.NOT_LINKED)));
		assertThat(response.getRedirectedUrl()).isEqualTo("/app/login?error");
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo(AuditActions.FEDERATED_AUTHENTICATE);
			assertThat(event.result()).isEqualTo(AuditResult.FAILURE);
			assertThat(event.reasonCode()).isEqualTo("account_not_linked");
		});
	}

	@Test
	void anErrorCodeTheCallbackMadeUpIsNotWrittenAsIs() throws Exception {
		// the provider's error code arrives in the browser's callback, so anyone can choose it
		this.handler.onAuthenticationFailure(new MockHttpServletRequest(), new MockHttpServletResponse(),
				new OAuth2AuthenticationException(new OAuth2Error("<script>" + "x".repeat(5000))));
		assertThat(this.events).singleElement()
			.satisfies((event) -> assertThat(event.reasonCode()).isEqualTo("oauth2_error"));
	}
}
