package dev.palisade.security.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.palisade.security.apikey.jdbc.ApiKeySchema;
import dev.palisade.security.audit.jdbc.JdbcAuditSink;
import dev.palisade.security.refresh.jdbc.JdbcDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each store's tables have one source, the migration files under
 * {@code META-INF/palisade/db/flyway/<store>/<database>/}: what {@code initialize-schema} applies and
 * what the Liquibase changelog runs are exactly those files, in version order, so a new migration
 * cannot reach one tool and miss the others.
 */
class ShippedMigrationsTest {

	private static final String FLYWAY = "META-INF/palisade/db/flyway/";

	@Test
	void initializeSchemaAppliesEveryMigrationInOrder() throws Exception {
		assertThat(JdbcDialect.POSTGRESQL.schemaResources()).isEqualTo(migrations("refresh", "postgresql"));
		assertThat(JdbcDialect.H2.schemaResources()).isEqualTo(migrations("refresh", "h2"));
		assertThat(ApiKeySchema.POSTGRESQL.resourcePaths()).isEqualTo(migrations("apikey", "postgresql"));
		assertThat(ApiKeySchema.H2.resourcePaths()).isEqualTo(migrations("apikey", "h2"));
		assertThat(JdbcAuditSink.SCHEMA_RESOURCES).isEqualTo(migrations("audit", "postgresql"));
		assertThat(dev.palisade.security.totp.jdbc.JdbcTotpEnrollmentStore.POSTGRESQL_SCHEMA)
			.isEqualTo(migrations("totp", "postgresql"));
		assertThat(dev.palisade.security.totp.jdbc.JdbcTotpEnrollmentStore.H2_SCHEMA).isEqualTo(migrations("totp", "h2"));
	}

	@Test
	void theLiquibaseChangelogsRunTheSameFiles() throws Exception {
		for (String store : List.of("refresh", "apikey", "audit", "totp")) {
			List<String> expected = new ArrayList<>();
			for (String database : List.of("postgresql", "h2")) {
				if (directory(store, database) != null) {
					expected.addAll(migrations(store, database));
				}
			}
			assertThat(changelogPaths(store)).as(store).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/** The migration files of a store and database, in version order. */
	private static List<String> migrations(String store, String database) throws IOException, URISyntaxException {
		Path directory = directory(store, database);
		assertThat(directory).as(store + "/" + database).isNotNull();
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches("V\\d+__.+\\.sql"))
				.sorted(Comparator.comparingInt(ShippedMigrationsTest::version))
				.map((name) -> FLYWAY + store + "/" + database + "/" + name)
				.toList();
		}
	}

	private static Path directory(String store, String database) throws URISyntaxException {
		URL url = ShippedMigrationsTest.class.getClassLoader().getResource(FLYWAY + store + "/" + database);
		return (url != null) ? Path.of(url.toURI()) : null;
	}

	private static int version(String fileName) {
		return Integer.parseInt(fileName.substring(1, fileName.indexOf("__")));
	}

	private static List<String> changelogPaths(String store) throws IOException {
		String xml;
		try (InputStream in = ShippedMigrationsTest.class.getClassLoader()
			.getResourceAsStream("META-INF/palisade/db/liquibase/" + store + ".xml")) {
			xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> paths = new ArrayList<>();
		Matcher matcher = Pattern.compile("<sqlFile path=\"([^\"]+)\"").matcher(xml);
		while (matcher.find()) {
			paths.add(matcher.group(1));
		}
		return paths;
	}
}
