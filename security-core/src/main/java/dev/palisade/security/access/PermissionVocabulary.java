package dev.palisade.security.access;

import java.util.HashMap;
import java.util.Map;

/**
 * Interns the exact permissions, resources and actions an access model mentions into dense int
 * ids, so a decision tests bits instead of comparing strings. Immutable after construction.
 */
final class PermissionVocabulary {

	private final Map<String, Integer> exactIds;

	private final Map<String, Integer> resourceIds;

	private final Map<String, Integer> actionIds;

	private PermissionVocabulary(Map<String, Integer> exactIds, Map<String, Integer> resourceIds,
			Map<String, Integer> actionIds) {
		this.exactIds = Map.copyOf(exactIds);
		this.resourceIds = Map.copyOf(resourceIds);
		this.actionIds = Map.copyOf(actionIds);
	}

	static PermissionVocabulary of(Iterable<Permission> permissions) {
		Map<String, Integer> exact = new HashMap<>();
		Map<String, Integer> resources = new HashMap<>();
		Map<String, Integer> actions = new HashMap<>();
		for (Permission permission : permissions) {
			if (!permission.isAnyResource()) {
				resources.putIfAbsent(permission.resource(), resources.size());
			}
			if (!permission.isAnyAction()) {
				actions.putIfAbsent(permission.action(), actions.size());
			}
			if (!permission.isAnyResource() && !permission.isAnyAction()) {
				exact.putIfAbsent(permission.toString(), exact.size());
			}
		}
		return new PermissionVocabulary(exact, resources, actions);
	}

	int exactId(String key) {
		return this.exactIds.getOrDefault(key, -1);
	}

	int resourceId(String resource) {
		return this.resourceIds.getOrDefault(resource, -1);
	}

	int actionId(String action) {
		return this.actionIds.getOrDefault(action, -1);
	}

	int size() {
		return this.exactIds.size();
	}
}
