package dev.palisade.security.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Properties over random role graphs (acyclic inheritance over up to eight roles), random
 * bindings at random scopes, and random required permissions, some outside the model.
 */
class AccessPropertiesTest {

	private static final List<String> ORGS = List.of("o1", "o2", "o3");

	private static final List<String> PROJECTS = List.of("p1", "p2");

	private static final List<String> GRANTABLE = grantableList();

	/** A random model, a subject's bindings, and one request. */
	record Scenario(List<Set<String>> rolePermissions, List<Set<Integer>> juniors, List<Binding> bindings,
			List<Direct> directs, Scope target, String required) {

		AccessModel model() {
			return model(-1, null);
		}

		/** The model, with {@code extra} added to role {@code roleIndex} when it is not negative. */
		AccessModel model(int roleIndex, String extra) {
			AccessModel.Builder builder = AccessModel.builder();
			for (int i = 0; i < this.rolePermissions.size(); i++) {
				Set<String> permissions = new HashSet<>(this.rolePermissions.get(i));
				if (i == roleIndex) {
					permissions.add(extra);
				}
				builder.role("r" + i, permissions);
			}
			for (int i = 0; i < this.juniors.size(); i++) {
				for (int junior : this.juniors.get(i)) {
					builder.inherits("r" + i, "r" + junior);
				}
			}
			return builder.build();
		}

		AccessSubject subject() {
			return subject(null);
		}

		AccessSubject subject(Direct extra) {
			List<RoleBinding> roles = new ArrayList<>();
			for (Binding binding : this.bindings) {
				roles.add(new RoleBinding("r" + binding.role(), binding.scope()));
			}
			List<PermissionBinding> permissions = new ArrayList<>();
			for (Direct direct : this.directs) {
				permissions.add(new PermissionBinding(Permission.parse(direct.permission()), direct.scope()));
			}
			if (extra != null) {
				permissions.add(new PermissionBinding(Permission.parse(extra.permission()), extra.scope()));
			}
			return AccessSubject.of("s", roles, permissions);
		}

		boolean bindsPlatformOr(String org) {
			return this.bindings.stream().anyMatch((b) -> reaches(b.scope(), org))
					|| this.directs.stream().anyMatch((d) -> reaches(d.scope(), org));
		}

		private static boolean reaches(Scope scope, String org) {
			return scope.level() == Scope.Level.PLATFORM || org.equals(scope.org());
		}
	}

	/** Role {@code role} (an index; indexes past the model are roles it does not define) at a scope. */
	record Binding(int role, Scope scope) {
	}

	record Direct(String permission, Scope scope) {
	}

	@Property(tries = 400)
	void noSubjectWithoutABindingOnAnOrgIsAllowedThereUnlessItHoldsAPlatformBinding(@ForAll("scenarios") Scenario s) {
		String targetOrg = s.target().org();
		boolean outsider = targetOrg != null && !s.bindsPlatformOr(targetOrg);
		Statistics.label("outsider").collect(outsider);
		Statistics.label("outsider").coverage((c) -> c.check(true).percentage((p) -> p > 5));
		AccessDecision decision = new AccessDecider(s.model()).decide(s.subject(), RequiredPermission.of(s.required()),
				s.target());
		if (outsider) {
			assertThat(decision.allowed()).as(decision.toString()).isFalse();
			assertThat(decision.reason()).isIn(ReasonCode.DENIED_OTHER_TENANT, ReasonCode.DENIED_NO_PERMISSION);
		}
	}

	@Property(tries = 400)
	void addingAPermissionToARoleNeverTurnsAnAllowIntoADeny(@ForAll("scenarios") Scenario s,
			@ForAll("roleIndexes") int roleIndex, @ForAll("grantable") String extra) {
		int role = roleIndex % s.rolePermissions().size();
		RequiredPermission required = RequiredPermission.of(s.required());
		AccessSubject subject = s.subject();
		boolean before = new AccessDecider(s.model()).decide(subject, required, s.target()).allowed();
		boolean after = new AccessDecider(s.model(role, extra)).decide(subject, required, s.target()).allowed();
		Statistics.label("allowed before").collect(before);
		Statistics.label("allowed before").coverage((c) -> c.check(true).percentage((p) -> p > 10));
		if (before) {
			assertThat(after).isTrue();
		}
	}

	@Property(tries = 400)
	void addingADirectPermissionNeverTurnsAnAllowIntoADeny(@ForAll("scenarios") Scenario s,
			@ForAll("directs") Direct extra) {
		AccessDecider decider = new AccessDecider(s.model());
		RequiredPermission required = RequiredPermission.of(s.required());
		boolean before = decider.decide(s.subject(), required, s.target()).allowed();
		boolean after = decider.decide(s.subject(extra), required, s.target()).allowed();
		if (before) {
			assertThat(after).isTrue();
		}
	}

	/** The compiled decider agrees with a direct reading of the rules (closure by recursion, string matching). */
	@Property(tries = 600)
	void compiledDecisionAgreesWithAReferenceEvaluation(@ForAll("scenarios") Scenario s) {
		AccessModel model = s.model();
		RequiredPermission required = RequiredPermission.of(s.required());
		boolean expected = false;
		for (Binding binding : s.bindings()) {
			if (binding.scope().covers(s.target()) && binding.role() < s.rolePermissions().size()) {
				expected |= roleGrants(s, binding.role(), required, new HashSet<>());
			}
		}
		for (Direct direct : s.directs()) {
			expected |= direct.scope().covers(s.target()) && Permission.parse(direct.permission()).implies(required);
		}
		Statistics.label("expected allowed").collect(expected);
		Statistics.label("expected allowed").coverage((c) -> {
			c.check(true).percentage((p) -> p > 10);
			c.check(false).percentage((p) -> p > 10);
		});
		AccessDecision decision = new AccessDecider(model).decide(s.subject(), model.require(s.required()), s.target());
		assertThat(decision.allowed()).as(decision.toString()).isEqualTo(expected);
	}

	private static boolean roleGrants(Scenario s, int role, RequiredPermission required, Set<Integer> seen) {
		if (!seen.add(role)) {
			return false;
		}
		for (String text : s.rolePermissions().get(role)) {
			if (Permission.parse(text).implies(required)) {
				return true;
			}
		}
		for (int junior : s.juniors().get(role)) {
			if (roleGrants(s, junior, required, seen)) {
				return true;
			}
		}
		return false;
	}

	@Property(tries = 200)
	void everyInheritanceCycleIsRejected(@ForAll("scenarios") Scenario s, @ForAll("roleIndexes") int a,
			@ForAll("roleIndexes") int b) {
		int n = s.rolePermissions().size();
		int senior = Math.max(a % n, b % n);
		int junior = Math.min(a % n, b % n);
		// juniors only point to lower indexes, so a path senior -> junior exists once we add it
		AccessModel.Builder builder = AccessModel.builder();
		for (int i = 0; i < n; i++) {
			builder.role("r" + i, s.rolePermissions().get(i));
			for (int j : s.juniors().get(i)) {
				builder.inherits("r" + i, "r" + j);
			}
		}
		builder.inherits("r" + senior, "r" + junior).inherits("r" + junior, "r" + senior);
		assertThatExceptionOfType(InvalidAccessModelException.class).isThrownBy(builder::build)
			.withMessageContaining("cycle");
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<Integer> roleCount = Arbitraries.integers().between(1, 8);
		return roleCount.flatMap((n) -> {
			Arbitrary<List<Set<String>>> permissions = grantable().set().ofMaxSize(3).list().ofSize(n);
			Arbitrary<List<Set<Integer>>> juniors = juniorLists(n);
			Arbitrary<List<Binding>> bindings = Combinators.combine(Arbitraries.integers().between(0, n), scopes())
				.as(Binding::new)
				.list()
				.ofMaxSize(6);
			Arbitrary<List<Direct>> directs = directs().list().ofMaxSize(2);
			return Combinators.combine(permissions, juniors, bindings, directs, targets(), required())
				.as(Scenario::new);
		});
	}

	/** For role i, a subset of roles 0..i-1: acyclic by construction. */
	private static Arbitrary<List<Set<Integer>>> juniorLists(int n) {
		List<Arbitrary<Set<Integer>>> perRole = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			perRole.add((i == 0) ? Arbitraries.just(Set.of()) : Arbitraries.integers().between(0, i - 1).set().ofMaxSize(2));
		}
		return Combinators.combine(perRole).as(ArrayList::new);
	}

	@Provide
	Arbitrary<Direct> directs() {
		return Combinators.combine(grantable(), scopes()).as(Direct::new);
	}

	@Provide
	Arbitrary<Integer> roleIndexes() {
		return Arbitraries.integers().between(0, 100);
	}

	@Provide
	Arbitrary<String> grantable() {
		return Arbitraries.of(GRANTABLE);
	}

	private static Arbitrary<String> required() {
		// 'z' and 'y' never appear in grants except through wildcards
		return Combinators.combine(Arbitraries.of("a", "b", "c", "z"), Arbitraries.of("r", "w", "x", "y"))
			.as((resource, action) -> resource + ":" + action);
	}

	/** Targets also name an org no binding ever uses. */
	private static Arbitrary<Scope> targets() {
		Arbitrary<Scope> unbound = Arbitraries.of(Scope.org("o4"), Scope.project("o4", "p1"));
		return Arbitraries.frequencyOf(Tuple.of(4, scopes()), Tuple.of(1, unbound));
	}

	private static Arbitrary<Scope> scopes() {
		Arbitrary<Scope> platform = Arbitraries.just(Scope.platform());
		Arbitrary<Scope> org = Arbitraries.of(ORGS).map(Scope::org);
		Arbitrary<Scope> project = Combinators.combine(Arbitraries.of(ORGS), Arbitraries.of(PROJECTS))
			.as(Scope::project);
		return Arbitraries.frequencyOf(Tuple.of(1, platform), Tuple.of(4, org),
				Tuple.of(5, project));
	}

	private static List<String> grantableList() {
		List<String> all = new ArrayList<>(List.of("*", "*:*"));
		for (String resource : List.of("a", "b", "c")) {
			all.add(resource + ":*");
			for (String action : List.of("r", "w", "x")) {
				all.add(resource + ":" + action);
			}
		}
		for (String action : List.of("r", "w", "x")) {
			all.add("*:" + action);
		}
		return List.copyOf(all);
	}
}
