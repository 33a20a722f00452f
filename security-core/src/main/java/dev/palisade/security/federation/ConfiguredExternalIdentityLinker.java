package dev.palisade.security.federation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * Links people by a list of {@link ExternalIdentityLink rules}, first match wins; nobody matches
 * means the sign-in is refused. The principal's subject is {@code provider:subject} (the provider's
 * stable id, not the email, which a provider may hand to someone else later), of kind user.
 */
public final class ConfiguredExternalIdentityLinker implements ExternalIdentityLinker {

	private final List<ExternalIdentityLink> links;

	public ConfiguredExternalIdentityLinker(List<ExternalIdentityLink> links) {
		this.links = List.copyOf(links);
	}

	@Override
	public Optional<PalisadePrincipal> link(ExternalIdentity identity) {
		return this.links.stream()
			.filter((link) -> link.admits(identity))
			.findFirst()
			.map((link) -> new PalisadePrincipal(identity.provider() + ":" + identity.subject(), PrincipalKind.USER,
					link.org(), link.project(), link.roles(), Set.of()));
	}
}
