package dev.palisade.security.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.session.SessionRepository;

/**
 * The session cap's registry for a session store that cannot be searched by user (in memory, Redis
 * without {@code repository-type: indexed}): Spring Security's in-memory registry, keyed by the
 * user's name rather than the principal object (so a password and an OIDC sign-in of the same
 * subject count together), and checked against the store, so sessions that were signed out or
 * expired there stop counting (the in-memory store announces neither). It counts this node's sign-ins
 * only; a store that can be searched by user gets Spring Session's registry, which counts every node's.
 */
public final class StoreCheckedSessionRegistry extends SessionRegistryImpl {

	private final SessionRepository<?> sessions;

	public StoreCheckedSessionRegistry(SessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	@Override
	public void registerNewSession(String sessionId, Object principal) {
		super.registerNewSession(sessionId, nameOf(principal));
	}

	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		List<SessionInformation> live = new ArrayList<>();
		for (SessionInformation session : super.getAllSessions(nameOf(principal), includeExpiredSessions)) {
			if (this.sessions.findById(session.getSessionId()) != null) {
				live.add(session);
			}
			else {
				removeSessionInformation(session.getSessionId());
			}
		}
		return live;
	}

	static String nameOf(Object principal) {
		if (principal instanceof Principal named) {
			return named.getName();
		}
		if (principal instanceof AuthenticatedPrincipal named) {
			return named.getName();
		}
		if (principal instanceof UserDetails user) {
			return user.getUsername();
		}
		return String.valueOf(principal);
	}
}
