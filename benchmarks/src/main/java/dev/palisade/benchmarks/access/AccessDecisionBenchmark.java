package dev.palisade.benchmarks.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.palisade.security.access.AccessDecider;
import dev.palisade.security.access.AccessDecision;
import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.Permission;
import dev.palisade.security.access.RequiredPermission;
import dev.palisade.security.access.RoleBinding;
import dev.palisade.security.access.Scope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Issue 5: a decision for a subject with 10 bindings against a model of 50 roles and 200
 * permissions, versus Spring Security's {@code AuthorityAuthorizationManager.hasAuthority} on a
 * token holding the same subject's effective permissions as flat authorities (which cannot check
 * the scope). Target: Palisade no more than 1.5x the baseline.
 *
 * <p>The subject is compiled once per request in Palisade, as the authentication token is built
 * once per request in Spring; both are built in {@link #setUp()}. The granting binding is the
 * first binding, so Spring finds its authority early in the list (the baseline's better case).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessDecisionBenchmark {

	private static final String[] ACTIONS = { "read", "write", "delete", "list", "run" };

	private AccessDecider decider;

	private AccessSubject subject;

	private RequiredPermission granted;

	private RequiredPermission notGranted;

	private Scope target;

	private AuthorityAuthorizationManager<Object> springGranted;

	private AuthorityAuthorizationManager<Object> springNotGranted;

	private Supplier<Authentication> authentication;

	private final Object securedObject = new Object();

	@Setup
	public void setUp() {
		Random random = new Random(42);
		List<String> permissions = new ArrayList<>();
		for (int resource = 0; resource < 40; resource++) {
			for (String action : ACTIONS) {
				permissions.add(String.format("res%02d:%s", resource, action));
			}
		}
		AccessModel.Builder builder = AccessModel.builder();
		for (int role = 0; role < 50; role++) {
			Set<String> own = new LinkedHashSet<>();
			while (own.size() < 8) {
				own.add(permissions.get(random.nextInt(permissions.size())));
			}
			builder.role(roleName(role), own);
			if (role % 5 != 4) {
				builder.inherits(roleName(role), roleName(role + 1));
			}
		}
		AccessModel model = builder.build();
		this.decider = new AccessDecider(model);

		// 10 bindings: one org role, nine project roles spread over three orgs
		List<RoleBinding> bindings = new ArrayList<>();
		bindings.add(new RoleBinding(roleName(0), Scope.org("org-0")));
		for (int i = 1; i < 10; i++) {
			bindings.add(new RoleBinding(roleName(i * 5 % 50 + 1), Scope.project("org-" + (i % 3), "p" + i)));
		}
		this.subject = AccessSubject.of("bench-user", bindings, List.of());
		this.target = Scope.project("org-0", "p3");

		Set<String> flat = new LinkedHashSet<>();
		for (RoleBinding binding : bindings) {
			for (Permission permission : model.effectivePermissions(binding.role())) {
				flat.add(permission.toString());
			}
		}
		String grantedText = model.effectivePermissions(roleName(0)).iterator().next().toString();
		String missing = permissions.stream().filter((p) -> !flat.contains(p)).findFirst().orElseThrow();
		this.granted = model.require(grantedText);
		this.notGranted = model.require(missing);

		List<GrantedAuthority> authorities = new ArrayList<>();
		flat.forEach((p) -> authorities.add(new SimpleGrantedAuthority(p)));
		Authentication token = UsernamePasswordAuthenticationToken.authenticated("bench-user", null, authorities);
		this.authentication = () -> token;
		this.springGranted = AuthorityAuthorizationManager.hasAuthority(grantedText);
		this.springNotGranted = AuthorityAuthorizationManager.hasAuthority(missing);

		if (!decide(this.granted).allowed() || decide(this.notGranted).allowed()
				|| !this.springGranted.authorize(this.authentication, this.securedObject).isGranted()
				|| this.springNotGranted.authorize(this.authentication, this.securedObject).isGranted()) {
			throw new IllegalStateException("benchmark set-up does not produce the intended decisions");
		}
		System.out.println("subject bindings=" + bindings.size() + ", flat authorities=" + authorities.size()
				+ ", model roles=" + model.roles().size() + ", permissions=" + permissions.size());
	}

	private static String roleName(int role) {
		return String.format("role%02d", role);
	}

	private AccessDecision decide(RequiredPermission permission) {
		return this.decider.decide(this.subject, permission, this.target);
	}

	@Benchmark
	public AccessDecision palisadeGranted() {
		return decide(this.granted);
	}

	@Benchmark
	public AuthorizationResult springHasAuthorityGranted() {
		return this.springGranted.authorize(this.authentication, this.securedObject);
	}

	@Benchmark
	public AccessDecision palisadeDenied() {
		return decide(this.notGranted);
	}

	@Benchmark
	public AuthorizationResult springHasAuthorityDenied() {
		return this.springNotGranted.authorize(this.authentication, this.securedObject);
	}
}
