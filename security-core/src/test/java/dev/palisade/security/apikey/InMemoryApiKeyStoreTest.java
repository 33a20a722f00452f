package dev.palisade.security.apikey;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {

	@Override
	protected ApiKeyStore emptyStore() {
		return new InMemoryApiKeyStore();
	}

}
