package dev.palisade.sample.ui;

import dev.palisade.security.principal.PalisadePrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sample's minimal web UI under {@code /app} (palisade.session): a sign-in page, a who-am-I
 * page and a sign-out button, and a link per OIDC/OAuth 2.0 provider registered with Spring Boot. Palisade's session chain guards it (form sign-in, session cookie,
 * CSRF); every form carries the CSRF token. Plain HTML, escaped, no scripts.
 */
@RestController
@RequestMapping(path = "/app", produces = MediaType.TEXT_HTML_VALUE)
class UiPagesController {

	private final String providerLinks;

	UiPagesController(ObjectProvider<ClientRegistrationRepository> registrations) {
		StringBuilder links = new StringBuilder();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object each : all) {
				ClientRegistration registration = (ClientRegistration) each;
				String id = HtmlUtils.htmlEscape(registration.getRegistrationId());
				links.append("<p><a id=\"sign-in-").append(id).append("\" href=\"/app/oauth2/authorization/").append(id)
					.append("\">Sign in with ").append(HtmlUtils.htmlEscape(registration.getClientName())).append("</a></p>");
			}
		}
		this.providerLinks = links.toString();
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, CsrfToken csrf) {
		String notice = (request.getParameter("error") != null) ? "<p id=\"error\">Sign-in failed.</p>"
				: (request.getParameter("throttled") != null)
						? "<p id=\"error\">Too many failed sign-ins; wait a little and try again.</p>"
						: (request.getParameter("signed-out") != null) ? "<p id=\"notice\">Signed out.</p>" : "";
		return page("Sign in", notice + "<form method=\"post\" action=\"/app/login\">"
				+ "<label>User <input id=\"username\" name=\"username\" autocomplete=\"username\"></label>"
				+ "<label>Password <input id=\"password\" name=\"password\" type=\"password\""
				+ " autocomplete=\"current-password\"></label>"
				+ "<label>Code <input id=\"totp\" name=\"totp\" autocomplete=\"one-time-code\"></label>"
				+ hidden(csrf) + "<button id=\"sign-in\" type=\"submit\">Sign in</button></form>" + this.providerLinks);
	}

	@GetMapping("/")
	String whoAmI(@AuthenticationPrincipal PalisadePrincipal me, CsrfToken csrf) {
		return page("Who am I", "<p id=\"who\">Signed in as " + HtmlUtils.htmlEscape(me.subject()) + " ("
				+ HtmlUtils.htmlEscape(String.valueOf(me.org())) + ", " + HtmlUtils.htmlEscape(String.join(" ", me.roles()))
				+ ")</p><form method=\"post\" action=\"/app/logout\">" + hidden(csrf)
				+ "<button id=\"sign-out\" type=\"submit\">Sign out</button></form>");
	}

	private static String hidden(CsrfToken csrf) {
		return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
				+ HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
	}

	private static String page(String title, String body) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
				+ " - Palisade sample</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
	}
}
