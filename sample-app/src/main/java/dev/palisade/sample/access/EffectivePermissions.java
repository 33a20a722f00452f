package dev.palisade.sample.access;

import java.util.Set;
import java.util.TreeSet;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.PermissionBinding;
import dev.palisade.security.access.RoleBinding;
import dev.palisade.security.access.Scope;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.stereotype.Component;

/**
 * A caller's permissions as the access model sees them: those its credential carries plus those
 * its roles grant, each only where its binding reaches. Bindings come from the same rule
 * authorization uses ({@link AccessSubject#from}), so this never shows more than authorization
 * would allow.
 */
@Component
public class EffectivePermissions {

	private final AccessModel model;

	public EffectivePermissions(AccessModel model) {
		this.model = model;
	}

	/** Every permission the caller holds somewhere, sorted (for display). */
	public Set<String> of(PalisadePrincipal caller) {
		return collect(AccessSubject.from(caller), null);
	}

	/**
	 * The permissions the caller holds on {@code target}: a project role does not count for its
	 * org, nor for another project; an org role counts for its projects; a platform role counts
	 * everywhere. This is what a key minted for {@code target} may carry at most.
	 */
	public Set<String> on(PalisadePrincipal caller, Scope target) {
		return collect(AccessSubject.from(caller), target);
	}

	private Set<String> collect(AccessSubject subject, Scope target) {
		TreeSet<String> effective = new TreeSet<>();
		for (PermissionBinding binding : subject.permissions()) {
			if (target == null || binding.scope().covers(target)) {
				effective.add(binding.permission().toString());
			}
		}
		for (RoleBinding binding : subject.roles()) {
			if (target == null || binding.scope().covers(target)) {
				this.model.effectivePermissions(binding.role())
					.forEach((permission) -> effective.add(permission.toString()));
			}
		}
		return effective;
	}
}
