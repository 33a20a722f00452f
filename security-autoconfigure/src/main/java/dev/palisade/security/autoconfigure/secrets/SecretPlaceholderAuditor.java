package dev.palisade.security.autoconfigure.secrets;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResource;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.secrets.AuditingSecretStore;
import dev.palisade.security.secrets.SecretReference;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Records the secrets that configuration placeholders read at start-up, once the audit log is open:
 * one {@code secret.read} per reference, by the system actor {@code configuration}.
 */
final class SecretPlaceholderAuditor implements ApplicationListener<ApplicationStartedEvent> {

	private final ConfigurableEnvironment environment;

	private final AuditRecorder recorder;

	SecretPlaceholderAuditor(ConfigurableEnvironment environment, AuditRecorder recorder) {
		this.environment = environment;
		this.recorder = recorder;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (!(this.environment.getPropertySources()
			.get(SecretPlaceholderPropertySource.NAME) instanceof SecretPlaceholderPropertySource source)) {
			return;
		}
		for (SecretReference reference : source.reads()) {
			this.recorder.record(AuditEvent.builder()
				.actor(AuditActor.system("configuration"))
				.action(AuditActions.SECRET_READ)
				.resource(new AuditResource(AuditingSecretStore.RESOURCE_TYPE, reference.path().value(),
						reference.path().org(), reference.path().project()))
				.result(AuditResult.SUCCESS)
				.detail("operation", "placeholder")
				.detail("field", reference.field())
				.build());
		}
	}

}
