package dev.palisade.sample.apikeys;

import java.util.List;

import dev.palisade.sample.access.EffectivePermissions;
import dev.palisade.security.access.InvalidScopeException;
import dev.palisade.security.access.Scope;
import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyNotFoundException;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.ApiKeySummary;
import dev.palisade.security.apikey.GeneratedApiKey;
import dev.palisade.security.apikey.InvalidApiKeyRequestException;
import dev.palisade.security.method.RequiresPermission;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.web.RateLimitPlanResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * API keys of an organisation: create (the key is in the response once and never again), list
 * (masked), revoke, rotate (the old key keeps working for {@code palisade.api-keys.rotation-grace-period}).
 * <p>
 * Who may: callers holding {@code api-keys:manage} in that org (an org role, or a platform role).
 * A key never carries more than its creator holds: the creator's permissions are its effective
 * permissions, those of its credential plus those its roles grant, and its calls count under the
 * creator's rate-limit plan.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/api-keys")
class ApiKeyController {

	private final ApiKeyService keys;

	private final EffectivePermissions permissions;

	private final RateLimitPlanResolver plans;

	ApiKeyController(ApiKeyService keys, EffectivePermissions permissions, ObjectProvider<RateLimitPlanResolver> plans) {
		this.keys = keys;
		this.permissions = permissions;
		this.plans = plans.getIfAvailable(() -> (authentication) -> null);
	}

	@PostMapping
	@RequiresPermission(value = "api-keys:manage", org = "#org")
	ResponseEntity<CreatedApiKey> create(@PathVariable String org, @RequestBody NewApiKey request,
			@AuthenticationPrincipal PalisadePrincipal caller, Authentication authentication) {
		Scope target = scopeOf(org, request.project());
		// the key spends its creator's rate-limit plan: a key cannot buy a larger budget
		GeneratedApiKey key = this.keys.create(new ApiKeyCreateRequest(request.name(), caller.subject(),
				ownerKind(caller), org, request.project(), request.scopes(), request.ttl(),
				this.plans.planOf(authentication)), this.permissions.on(caller, target));
		return created(org, key);
	}

	@GetMapping
	@RequiresPermission(value = "api-keys:manage", org = "#org")
	List<ApiKeyView> list(@PathVariable String org) {
		return this.keys.list(org).stream().map(ApiKeyView::of).toList();
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(value = "api-keys:manage", org = "#org")
	ResponseEntity<Void> revoke(@PathVariable String org, @PathVariable String id) {
		requireInOrg(org, id);
		this.keys.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/rotate")
	@RequiresPermission(value = "api-keys:manage", org = "#org")
	ResponseEntity<CreatedApiKey> rotate(@PathVariable String org, @PathVariable String id,
			@AuthenticationPrincipal PalisadePrincipal caller) {
		ApiKeySummary key = requireInOrg(org, id);
		ownerKind(caller);
		return created(org, this.keys.rotate(id, this.permissions.on(caller, scopeOf(key.org(), key.project()))));
	}

	// a key may carry only what its creator holds where the key acts: on its project, or its org
	private static Scope scopeOf(String org, String project) {
		try {
			return (project != null) ? Scope.project(org, project) : Scope.org(org);
		}
		catch (InvalidScopeException ex) {
			throw new InvalidApiKeyRequestException("not a valid org or project id");
		}
	}

	// a key of another org is "not found", so ids of other tenants cannot be probed
	private ApiKeySummary requireInOrg(String org, String id) {
		ApiKeySummary key = this.keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
		if (!key.org().equals(org)) {
			throw new ApiKeyNotFoundException(id);
		}
		return key;
	}

	// keys act for a person or a service account; a key cannot mint or rotate keys
	private static PrincipalKind ownerKind(PalisadePrincipal caller) {
		if (caller.kind() != PrincipalKind.USER && caller.kind() != PrincipalKind.SERVICE) {
			throw new AccessDeniedException("API keys are managed by users and service accounts");
		}
		return caller.kind();
	}

	// the org comes decoded from the path and may hold any character: encode it strictly, since
	// failing here would lose a key that is already saved and whose plaintext is shown only now
	private static ResponseEntity<CreatedApiKey> created(String org, GeneratedApiKey key) {
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/v1/orgs/{org}/api-keys/{id}")
				.encode()
				.buildAndExpand(org, key.keyId())
				.toUri())
			.cacheControl(CacheControl.noStore())
			.body(new CreatedApiKey(key.plaintext(), ApiKeyView.of(key.summary())));
	}
}
