package dev.palisade.sample.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.palisade.security.audit.file.AuditLogReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Pages through the audit log, newest first: {@code GET /api/v1/admin/audit?page=0&size=50}.
 * Each item is a record as stored: {@code seq}, {@code prev}, {@code event}, {@code mac}.
 * <p>
 * Guarded by the URL rule for {@code /api/v1/admin/**} in {@code application.yml}: the log holds
 * every tenant's records, so it needs {@code audit:read} at platform scope, which an org role
 * cannot give.
 */
@RestController
class AdminAuditController {

	static final int MAX_PAGE_SIZE = 200;

	private final ObjectProvider<AuditLogReader> reader;

	private final JsonMapper json = JsonMapper.builder().build();

	/** The reader Palisade configures for its file sink (absent with the JDBC sink or audit off). */
	AdminAuditController(ObjectProvider<AuditLogReader> reader) {
		this.reader = reader;
	}

	@GetMapping("/api/v1/admin/audit")
	Map<String, Object> page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size)
			throws IOException {
		AuditLogReader reader = this.reader.getIfAvailable();
		if (reader == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This service keeps no audit log in files");
		}
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		List<String> lines = reader.newestFirst(Math.max(0, page), pageSize);
		List<Object> items = lines.stream().map((line) -> (Object) this.json.readValue(line, Map.class)).toList();
		return Map.of("page", Math.max(0, page), "size", pageSize, "items", items);
	}
}
