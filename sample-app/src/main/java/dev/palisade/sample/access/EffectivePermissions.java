package dev.palisade.sample.access;

import java.util.Set;
import java.util.TreeSet;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.stereotype.Component;

/**
 * A caller's permissions as the access model sees them: those its credential carries plus those
 * its roles grant. Roles bind only where the access model binds them (a tenant-less caller holds
 * only platform roles), so this never shows more than authorization would allow.
 */
@Component
public class EffectivePermissions {

	private final AccessModel model;

	public EffectivePermissions(AccessModel model) {
		this.model = model;
	}

	/** The sorted permissions of the caller. */
	public Set<String> of(PalisadePrincipal caller) {
		TreeSet<String> effective = new TreeSet<>(caller.permissions());
		caller.roles()
			.stream()
			.filter((role) -> caller.org() != null || role.startsWith(AccessSubject.DEFAULT_PLATFORM_ROLE_PREFIX))
			.forEach((role) -> this.model.effectivePermissions(role)
				.forEach((permission) -> effective.add(permission.toString())));
		return effective;
	}
}
