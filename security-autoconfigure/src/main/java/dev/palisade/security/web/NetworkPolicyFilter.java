package dev.palisade.security.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.palisade.security.access.url.InvalidRequestPathException;
import dev.palisade.security.access.url.UrlPattern;
import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.IpAccessList;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a request whose client address a network rule does not allow, before CORS and any
 * authentication: 403 problem+json and an audit record ({@code network.deny}). The address is the
 * one {@link ClientAddresses} resolves through the trusted proxies, so a caller cannot choose it
 * with a header. A request must pass every rule whose paths match it; paths are matched with the
 * access rules' grammar ({@link UrlPattern}), so no path escapes a rule by spelling.
 */
public final class NetworkPolicyFilter extends OncePerRequestFilter {

	private static final UrlPathHelper PATHS = pathsKeepingSemicolons();

	private final List<Rule> rules;

	private final ClientIpResolver clientIpResolver;

	private final AuditRecorder auditRecorder;

	/**
	 * @param rules the rules, each with its paths and its lists
	 * @param clientIpResolver how the client address is found
	 * @param auditRecorder where refusals are recorded, or {@code null}
	 */
	public NetworkPolicyFilter(List<Rule> rules, ClientIpResolver clientIpResolver, AuditRecorder auditRecorder) {
		this.rules = List.copyOf(rules);
		this.clientIpResolver = Objects.requireNonNull(clientIpResolver, "clientIpResolver");
		this.auditRecorder = auditRecorder;
	}

	/** Whether any rule is configured (the configurer leaves the filter out of the chain otherwise). */
	public boolean hasRules() {
		return !this.rules.isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = PATHS.getPathWithinApplication(request);
		InetAddress client = ClientAddresses.of(request, this.clientIpResolver);
		for (Rule rule : this.rules) {
			if (rule.covers(path.isEmpty() ? "/" : path) && !rule.access().permits(client)) {
				record(rule, client);
				ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
						"Requests from this network address are not allowed here", Map.of());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void record(Rule rule, InetAddress client) {
		if (this.auditRecorder != null) {
			this.auditRecorder.record(AuditEvent.builder()
				.action(AuditActions.NETWORK_DENY)
				.result(AuditResult.DENIED)
				.reasonCode("ip_denied")
				.clientIp(client.getHostAddress())
				.detail("rule", rule.name())
				.build());
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	private static UrlPathHelper pathsKeepingSemicolons() {
		UrlPathHelper paths = new UrlPathHelper();
		paths.setRemoveSemicolonContent(false);
		return paths;
	}

	/**
	 * One rule: the paths it covers and who may reach them.
	 *
	 * @param name the rule's name in audit records
	 * @param paths the patterns, in the access rules' grammar
	 * @param access the allow and deny lists
	 */
	public record Rule(String name, List<UrlPattern> paths, IpAccessList access) {

		public Rule {
			Objects.requireNonNull(name, "name");
			paths = List.copyOf(paths);
			Objects.requireNonNull(access, "access");
		}

		boolean covers(String path) {
			try {
				for (UrlPattern pattern : this.paths) {
					if (pattern.matches(path)) {
						return true;
					}
				}
				return false;
			}
			catch (InvalidRequestPathException ex) {
				// the access rules refuse the same paths (one grammar); Spring Security answers 400
				throw new RequestRejectedException("The request path cannot be matched safely");
			}
		}
	}
}
