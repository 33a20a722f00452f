package dev.palisade.security.refresh;

/** The store contract on the in-memory default store. */
class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

	@Override
	protected RefreshTokenStore createStore() {
		return new InMemoryRefreshTokenStore();
	}
}
