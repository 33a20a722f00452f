package dev.palisade.sample.users;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.palisade.sample.users.DemoUserProperties.DemoUser;

import org.springframework.stereotype.Component;

/**
 * The demo users, by username. Holds upgraded password hashes in memory: a hash made with weaker
 * parameters is replaced after the next successful sign-in.
 */
@Component
public class DemoUserDirectory {

	private final Map<String, DemoUser> users = new ConcurrentHashMap<>();

	public DemoUserDirectory(DemoUserProperties properties) {
		properties.users().forEach((user) -> this.users.put(user.username(), user));
	}

	public Optional<DemoUser> find(String username) {
		return Optional.ofNullable(this.users.get(username));
	}

	/** Replaces a user's password hash (after an upgrade on sign-in). */
	public void replaceHash(String username, String newHash) {
		this.users.computeIfPresent(username, (name, user) -> new DemoUser(user.username(), newHash, user.org(),
				user.project(), user.roles(), user.plan()));
	}
}
