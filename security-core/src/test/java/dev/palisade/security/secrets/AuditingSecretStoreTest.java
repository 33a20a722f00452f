package dev.palisade.security.secrets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.audit.AuditWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditingSecretStoreTest {

	private static final SecretPath PATH = SecretPath.of("orgs/acme/projects/p1/openai");

	private static final String VALUE = "sk-abcdefghijklmnopqrstuvwxyz";

	@TempDir
	Path dir;

	@Test
	void everyReadAndWriteIsRecordedWithPathAndVersionButNoValue() {
		List<AuditEvent> events = new ArrayList<>();
		AuditingSecretStore store = new AuditingSecretStore(new LocalSecretStore(this.dir, SecretTestSupport.aead()), events::add);
		store.put(PATH, Map.of("api_key", VALUE), Map.of(), SecretStore.NEW);
		store.get(PATH);
		store.get(PATH, 1);
		store.get(SecretPath.of("orgs/acme/projects/p1/missing"));
		assertThatThrownBy(() -> store.put(PATH, Map.of("api_key", VALUE), Map.of(), SecretStore.NEW))
			.isInstanceOf(SecretVersionConflictException.class);
		store.delete(PATH);
		store.metadata(PATH);
		store.list("orgs");

		assertThat(events).extracting(AuditEvent::action)
			.containsExactly(AuditActions.SECRET_WRITE, AuditActions.SECRET_READ, AuditActions.SECRET_READ,
					AuditActions.SECRET_READ, AuditActions.SECRET_WRITE, AuditActions.SECRET_WRITE);
		assertThat(events).extracting(AuditEvent::result)
			.containsExactly(AuditResult.SUCCESS, AuditResult.SUCCESS, AuditResult.SUCCESS, AuditResult.FAILURE,
					AuditResult.FAILURE, AuditResult.SUCCESS);
		assertThat(events.get(3).reasonCode()).isEqualTo("not_found");
		assertThat(events.get(4).reasonCode()).isEqualTo("version_conflict");
		assertThat(events.get(0).resource().id()).isEqualTo(PATH.value());
		assertThat(events.get(0).resource().org()).isEqualTo("acme");
		assertThat(events.get(0).resource().project()).isEqualTo("p1");
		assertThat(events.get(1).details()).containsEntry("version", 1L);
		assertThat(events.toString()).doesNotContain(VALUE).doesNotContain("abcdefghijklmnop");
	}

	@Test
	void aReadWhoseRecordCannotBeWrittenReturnsNothing() {
		LocalSecretStore backend = new LocalSecretStore(this.dir, SecretTestSupport.aead());
		backend.put(PATH, Map.of("api_key", VALUE), Map.of(), SecretStore.NEW);
		AuditingSecretStore store = new AuditingSecretStore(backend, (event) -> {
			throw new AuditWriteException("audit log down (test)", null);
		});
		assertThatThrownBy(() -> store.get(PATH)).isInstanceOf(AuditWriteException.class);
	}

}
