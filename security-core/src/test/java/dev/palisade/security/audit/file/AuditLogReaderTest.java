package dev.palisade.security.audit.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditLogReaderTest {

	@TempDir
	Path dir;

	private void file(long firstSequence, String... lines) throws Exception {
		Files.writeString(this.dir.resolve(AuditLogFiles.recordFileName(LocalDate.of(2026, 1, 1), firstSequence)),
				String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	@Test
	void pagesRunNewestFirstAcrossRotatedFiles() throws Exception {
		file(1, "r1", "r2", "r3");
		file(4, "r4", "r5");
		AuditLogReader reader = new AuditLogReader(this.dir);
		assertThat(reader.newestFirst(0, 2)).containsExactly("r5", "r4");
		assertThat(reader.newestFirst(1, 2)).containsExactly("r3", "r2");
		assertThat(reader.newestFirst(2, 2)).containsExactly("r1");
		assertThat(reader.newestFirst(3, 2)).isEmpty();
		assertThat(reader.newestFirst(0, 10)).containsExactly("r5", "r4", "r3", "r2", "r1");
	}

	@Test
	void aTornLastLineIsSkipped() throws Exception {
		file(1, "r1", "r2");
		Files.writeString(this.dir.resolve(AuditLogFiles.recordFileName(LocalDate.of(2026, 1, 1), 1)), "{\"seq\":3,\"pr",
				StandardOpenOption.APPEND);
		assertThat(new AuditLogReader(this.dir).newestFirst(0, 5)).containsExactly("r2", "r1");
	}

	@Test
	void missingDirectoryIsAnEmptyLog() throws Exception {
		assertThat(new AuditLogReader(this.dir.resolve("none")).newestFirst(0, 5)).isEqualTo(List.of());
	}

	@Test
	void badPagingIsRefused() {
		AuditLogReader reader = new AuditLogReader(this.dir);
		assertThatIllegalArgumentException().isThrownBy(() -> reader.newestFirst(-1, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> reader.newestFirst(0, 0));
	}
}
