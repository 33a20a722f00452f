package dev.palisade.security.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision table of {@code access/decisions.csv}: one row per (caller, bindings, permission,
 * target) with the expected reason. Callers of kind user/service/api_key/client_cert go through
 * {@link AccessSubject#from(PalisadePrincipal)}; {@code bindings} rows give explicit bindings.
 */
class AccessDecisionTableTest {

	private static final AccessModel MODEL = AccessFixtures.model();

	private static final AccessDecider DECIDER = new AccessDecider(MODEL);

	@ParameterizedTest(name = "{index}: {0}")
	@CsvFileSource(resources = "/access/decisions.csv", delimiter = '|', numLinesToSkip = 1)
	void decides(String description, String caller, String tenant, String roles, String permissions, String required,
			String target, ReasonCode expected) {
		AccessSubject subject = subject(caller, tenant, roles, permissions);
		Scope targetScope = AccessFixtures.scope(target);

		AccessDecision bound = DECIDER.decide(subject, MODEL.require(required), targetScope);
		AccessDecision unbound = DECIDER.decide(subject, RequiredPermission.of(required), targetScope);

		assertThat(bound.reason()).as(description).isEqualTo(expected);
		assertThat(bound.allowed()).as(description).isEqualTo(expected.allowed());
		assertThat(unbound).as(description + " (unbound permission)").isSameAs(bound);
	}

	private static AccessSubject subject(String caller, String tenant, String roles, String permissions) {
		if (caller.equals("anonymous")) {
			return null;
		}
		if (caller.equals("bindings")) {
			List<RoleBinding> roleBindings = new ArrayList<>();
			for (String item : items(roles)) {
				String[] parts = item.split("@");
				roleBindings.add(new RoleBinding(parts[0], AccessFixtures.scope(parts[1])));
			}
			List<PermissionBinding> permissionBindings = new ArrayList<>();
			for (String item : items(permissions)) {
				String[] parts = item.split("@");
				permissionBindings.add(new PermissionBinding(Permission.parse(parts[0]), AccessFixtures.scope(parts[1])));
			}
			return AccessSubject.of("table-subject", roleBindings, permissionBindings);
		}
		String org = null;
		String project = null;
		if (!tenant.equals("-")) {
			int slash = tenant.indexOf('/');
			org = (slash < 0) ? tenant : tenant.substring(0, slash);
			project = (slash < 0) ? null : tenant.substring(slash + 1);
		}
		PalisadePrincipal principal = new PalisadePrincipal("table-" + caller, PrincipalKind.fromWireName(caller), org,
				project, items(roles), items(permissions));
		return AccessSubject.from(principal);
	}

	private static Set<String> items(String column) {
		if (column == null || column.isBlank() || column.strip().equals("-")) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(column.strip().split("\\s+")));
	}
}
