package dev.palisade.security.apikey.jdbc;

import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.apikey.ApiKeyStoreContract;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contract against H2, the embedded default. */
class JdbcApiKeyStoreH2Test extends ApiKeyStoreContract {

	private static JdbcDataSource dataSource;

	@BeforeAll
	static void createDatabase() throws Exception {
		dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:apikeys;DB_CLOSE_DELAY=-1");
		SchemaScripts.run(dataSource, ApiKeySchema.H2);
		SchemaScripts.run(dataSource, ApiKeySchema.H2); // idempotent
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
