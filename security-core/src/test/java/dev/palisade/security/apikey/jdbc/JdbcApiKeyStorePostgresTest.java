package dev.palisade.security.apikey.jdbc;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.apikey.ApiKeyStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contract against a real PostgreSQL server (embedded binaries), one per class. */
class JdbcApiKeyStorePostgresTest extends ApiKeyStoreContract {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	@BeforeAll
	static void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		dataSource = postgres.getPostgresDatabase();
		SchemaScripts.run(dataSource, ApiKeySchema.POSTGRESQL);
		SchemaScripts.run(dataSource, ApiKeySchema.POSTGRESQL); // idempotent
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		if (postgres != null) {
			postgres.close();
		}
	}

	@BeforeEach
	void emptyTable() throws Exception {
		SchemaScripts.truncate(dataSource);
	}

	@Override
	protected ApiKeyStore emptyStore() {
		return new JdbcApiKeyStore(dataSource);
	}

}
