package dev.palisade.sample.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.palisade.security.method.RequiresPermission;
import dev.palisade.security.secrets.SecretMask;
import dev.palisade.security.secrets.SecretMetadata;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import dev.palisade.security.web.ProblemAccessDeniedHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A project's provider credentials (an OpenAI {@code api_key}, an AWS {@code access_key_id} +
 * {@code secret_access_key}) in Palisade's secret store at
 * {@code orgs/{org}/projects/{project}/credentials/{name}}. Only the secret fields are sealed; the
 * identifying ones ({@link #PLAIN_FIELDS}) and masked previews sit in the secret's plain metadata, so
 * listing reads no secret value. A value is never returned whole, not even right after creation.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/credentials")
class CredentialController {

	/** Fields that identify a credential and are not secret. */
	static final Set<String> PLAIN_FIELDS = Set.of("access_key_id", "region", "organization_id");

	private final SecretStore secrets;

	CredentialController(SecretStore secrets) {
		this.secrets = secrets;
	}

	@PostMapping
	@RequiresPermission(value = "credentials:write", org = "#org", project = "#project")
	ResponseEntity<?> create(@PathVariable String org, @PathVariable String project, @RequestBody NewCredential body) {
		if (body == null || body.name() == null || body.provider() == null || body.fields() == null || body.fields().isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "name, provider and fields are required");
		}
		SecretPath path = path(org, project, body.name());
		Map<String, String> secret = new LinkedHashMap<>();
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("provider", body.provider());
		body.fields().forEach((field, value) -> {
			if (PLAIN_FIELDS.contains(field)) {
				metadata.put("plain." + field, value);
			}
			else {
				secret.put(field, value);
				metadata.put("masked." + field, SecretMask.mask(value));
			}
		});
		if (secret.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "a credential needs at least one secret field");
		}
		this.secrets.put(path, secret, metadata, SecretStore.NEW);
		CredentialView view = view(body.name(), this.secrets.metadata(path).orElseThrow());
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/v1/orgs/{org}/projects/{project}/credentials/{name}")
				.encode()
				.buildAndExpand(org, project, body.name())
				.toUri())
			.body(view);
	}

	@GetMapping
	@RequiresPermission(value = "credentials:read", org = "#org", project = "#project")
	List<CredentialView> list(@PathVariable String org, @PathVariable String project) {
		SecretPath credentials = SecretPath.ofProject(org, project, "credentials");
		List<CredentialView> views = new ArrayList<>();
		for (String name : this.secrets.list(credentials.value())) {
			if (!name.endsWith("/")) {
				this.secrets.metadata(path(org, project, name)).ifPresent((metadata) -> views.add(view(name, metadata)));
			}
		}
		return views;
	}

	@GetMapping("/{name}")
	@RequiresPermission(value = "credentials:read", org = "#org", project = "#project")
	ResponseEntity<?> get(@PathVariable String org, @PathVariable String project, @PathVariable String name) {
		Optional<SecretMetadata> metadata = this.secrets.metadata(path(org, project, name));
		return metadata.<ResponseEntity<?>>map((found) -> ResponseEntity.ok(view(name, found))).orElseGet(CredentialController::notFound);
	}

	@DeleteMapping("/{name}")
	@RequiresPermission(value = "credentials:write", org = "#org", project = "#project")
	ResponseEntity<?> delete(@PathVariable String org, @PathVariable String project, @PathVariable String name) {
		return this.secrets.delete(path(org, project, name)) ? ResponseEntity.noContent().build() : notFound();
	}

	private static SecretPath path(String org, String project, String name) {
		return SecretPath.ofProject(org, project, "credentials/" + name);
	}

	private static CredentialView view(String name, SecretMetadata metadata) {
		Map<String, String> plain = new LinkedHashMap<>();
		Map<String, String> masked = new LinkedHashMap<>();
		metadata.customMetadata().forEach((key, value) -> {
			if (key.startsWith("plain.")) {
				plain.put(key.substring(6), value);
			}
			else if (key.startsWith("masked.")) {
				masked.put(key.substring(7), value);
			}
		});
		return new CredentialView(name, metadata.customMetadata().get("provider"), plain, masked, metadata.currentVersion(),
				metadata.updatedAt().toString());
	}

	private static ResponseEntity<?> notFound() {
		// the same answer as a concealed cross-tenant denial, so the two cannot be told apart
		return problem(HttpStatus.NOT_FOUND, ProblemAccessDeniedHandler.NOT_FOUND_DETAIL);
	}

	private static ResponseEntity<?> problem(HttpStatus status, String detail) {
		return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
	}

	/**
	 * The body of a create request.
	 *
	 * @param name the credential's name, such as {@code openai}
	 * @param provider the provider, such as {@code openai} or {@code aws}
	 * @param fields its fields; all but {@link #PLAIN_FIELDS} are sealed
	 */
	record NewCredential(String name, String provider, Map<String, String> fields) {

		@Override
		public String toString() {
			return "NewCredential[name=" + this.name + ", provider=" + this.provider + "]";
		}
	}

	/**
	 * A credential as shown: plain fields whole, secret fields masked.
	 *
	 * @param name its name
	 * @param provider its provider
	 * @param fields the plain fields
	 * @param masked the secret fields, masked
	 * @param version the stored version
	 * @param updatedAt when it was last written
	 */
	record CredentialView(String name, String provider, Map<String, String> fields, Map<String, String> masked,
			long version, String updatedAt) {
	}

}
