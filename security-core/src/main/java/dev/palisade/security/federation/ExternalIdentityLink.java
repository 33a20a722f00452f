package dev.palisade.security.federation;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One rule of {@link ConfiguredExternalIdentityLinker}: people from {@code provider} whose provider
 * id is one of {@code subjects}, or whose <em>verified</em> email is in one of {@code emailDomains},
 * sign in to {@code org} (and {@code project}) with {@code roles}. A rule naming neither subjects nor
 * domains is refused: it would let in everyone with an account at the provider.
 *
 * @param provider the client registration's id
 * @param emailDomains verified email domains admitted (for example {@code acme.example})
 * @param subjects provider ids admitted one by one (for GitHub, the numeric user id)
 * @param org the organisation they sign in to
 * @param project the project within {@code org}, or {@code null}
 * @param roles the roles they get there
 */
public record ExternalIdentityLink(String provider, Set<String> emailDomains, Set<String> subjects, String org,
		String project, Set<String> roles) {

	public ExternalIdentityLink {
		Objects.requireNonNull(provider, "provider");
		emailDomains = (emailDomains != null)
				? emailDomains.stream().map((domain) -> domain.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())
				: Set.of();
		subjects = (subjects != null) ? Set.copyOf(subjects) : Set.of();
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		if (emailDomains.isEmpty() && subjects.isEmpty()) {
			throw new IllegalArgumentException(
					"a link needs email-domains or subjects; without them anyone with an account at the provider would get in");
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
	}

	/** Whether this rule admits {@code identity}. */
	public boolean admits(ExternalIdentity identity) {
		if (!this.provider.equals(identity.provider())) {
			return false;
		}
		String domain = identity.verifiedEmailDomain();
		return this.subjects.contains(identity.subject()) || (domain != null && this.emailDomains.contains(domain));
	}
}
