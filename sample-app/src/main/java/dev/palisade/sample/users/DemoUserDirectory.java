package dev.palisade.sample.users;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;

import org.springframework.stereotype.Component;

/**
 * The demo users, by username: the user source of Palisade's token endpoint. Holds upgraded
 * password hashes in memory: a hash made with weaker parameters is replaced after the next
 * successful sign-in. A real service implements {@link PalisadeUserDirectory} over its user table.
 */
@Component
public class DemoUserDirectory implements PalisadeUserDirectory {

	private final Map<String, PalisadeUser> users = new ConcurrentHashMap<>();

	public DemoUserDirectory(DemoUserProperties properties) {
		properties.users().forEach((user) -> this.users.put(user.username(), user.toPalisadeUser()));
	}

	@Override
	public Optional<PalisadeUser> findByUsername(String username) {
		return Optional.ofNullable(this.users.get(username));
	}

	@Override
	public void updatePasswordHash(String username, String newHash) {
		this.users.computeIfPresent(username, (name, user) -> user.withPasswordHash(newHash));
	}
}
