package dev.palisade.security.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCheckedSessionRegistryTests {

	private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>());

	private final StoreCheckedSessionRegistry registry = new StoreCheckedSessionRegistry(this.store);

	private final PalisadePrincipal ada = new PalisadePrincipal("ada", PrincipalKind.USER, "acme", null, Set.of(), Set.of());

	@Test
	void aSessionSignedOutInTheStoreStopsCounting() {
		MapSession first = stored();
		MapSession second = stored();
		this.registry.registerNewSession(first.getId(), this.ada);
		this.registry.registerNewSession(second.getId(), this.ada);
		assertThat(this.registry.getAllSessions(this.ada, false)).hasSize(2);

		this.store.deleteById(first.getId());
		assertThat(this.registry.getAllSessions(this.ada, false)).extracting(SessionInformation::getSessionId)
			.containsExactly(second.getId());
		assertThat(this.registry.getSessionInformation(first.getId())).as("forgotten, not only hidden").isNull();
	}

	@Test
	void theSameSubjectCountsTogetherWhicheverWayItSignedIn() {
		MapSession password = stored();
		MapSession oauth2 = stored();
		this.registry.registerNewSession(password.getId(), this.ada);
		// another principal object of the same name: an OAuth 2.0 user linked to "ada"
		this.registry.registerNewSession(oauth2.getId(),
				new DefaultOAuth2User(Set.of(), java.util.Map.of("sub", "ada"), "sub"));
		assertThat(this.registry.getAllSessions(new PalisadePrincipal("ada", PrincipalKind.USER, "acme", null,
				Set.of("org:member"), Set.of()), false)).hasSize(2);
	}

	private MapSession stored() {
		MapSession session = this.store.createSession();
		this.store.save(session);
		return session;
	}
}
