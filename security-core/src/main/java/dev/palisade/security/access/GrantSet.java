package dev.palisade.security.access;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The compiled form of a set of granted permissions: bit sets over the model's vocabulary ids
 * for exact grants, {@code resource:*} grants and {@code *:action} grants, plus an all flag. Grants
 * the vocabulary does not know (only possible for direct grants on a subject) fall back to string
 * sets that are consulted only when the required permission is itself outside the vocabulary.
 * Immutable.
 */
final class GrantSet {

	static final GrantSet EMPTY = new Builder().build();

	private final boolean all;

	private final long[] exact;

	private final long[] anyActionOnResource;

	private final long[] anyResourceForAction;

	private final Set<String> otherExact;

	private final Set<String> otherAnyActionOnResource;

	private final Set<String> otherAnyResourceForAction;

	private GrantSet(Builder builder) {
		this.all = builder.all;
		this.exact = builder.exact.toLongArray();
		this.anyActionOnResource = builder.anyActionOnResource.toLongArray();
		this.anyResourceForAction = builder.anyResourceForAction.toLongArray();
		this.otherExact = Set.copyOf(builder.otherExact);
		this.otherAnyActionOnResource = Set.copyOf(builder.otherAnyActionOnResource);
		this.otherAnyResourceForAction = Set.copyOf(builder.otherAnyResourceForAction);
	}

	/** Whether this set grants {@code p}, which must be bound to the same vocabulary. */
	boolean grants(RequiredPermission p) {
		if (this.all) {
			return true;
		}
		if ((p.permissionId >= 0) ? bit(this.exact, p.permissionId) : this.otherExact.contains(p.key())) {
			return true;
		}
		if ((p.resourceId >= 0) ? bit(this.anyActionOnResource, p.resourceId)
				: this.otherAnyActionOnResource.contains(p.resource())) {
			return true;
		}
		return (p.actionId >= 0) ? bit(this.anyResourceForAction, p.actionId)
				: this.otherAnyResourceForAction.contains(p.action());
	}

	private static boolean bit(long[] words, int index) {
		int word = index >>> 6;
		return word < words.length && (words[word] & (1L << index)) != 0;
	}

	/** Accumulates grants; not thread-safe, used only while compiling. */
	static final class Builder {

		private boolean all;

		private final BitSet exact = new BitSet();

		private final BitSet anyActionOnResource = new BitSet();

		private final BitSet anyResourceForAction = new BitSet();

		private final Set<String> otherExact = new HashSet<>();

		private final Set<String> otherAnyActionOnResource = new HashSet<>();

		private final Set<String> otherAnyResourceForAction = new HashSet<>();

		Builder add(Permission permission, PermissionVocabulary vocabulary) {
			if (permission.isAll()) {
				this.all = true;
			}
			else if (permission.isAnyAction()) {
				put(vocabulary.resourceId(permission.resource()), this.anyActionOnResource,
						this.otherAnyActionOnResource, permission.resource());
			}
			else if (permission.isAnyResource()) {
				put(vocabulary.actionId(permission.action()), this.anyResourceForAction,
						this.otherAnyResourceForAction, permission.action());
			}
			else {
				String key = permission.toString();
				put(vocabulary.exactId(key), this.exact, this.otherExact, key);
			}
			return this;
		}

		private static void put(int id, BitSet bits, Set<String> others, String text) {
			if (id >= 0) {
				bits.set(id);
			}
			else {
				others.add(text);
			}
		}

		Builder addAll(GrantSet set) {
			this.all |= set.all;
			this.exact.or(BitSet.valueOf(set.exact));
			this.anyActionOnResource.or(BitSet.valueOf(set.anyActionOnResource));
			this.anyResourceForAction.or(BitSet.valueOf(set.anyResourceForAction));
			this.otherExact.addAll(set.otherExact);
			this.otherAnyActionOnResource.addAll(set.otherAnyActionOnResource);
			this.otherAnyResourceForAction.addAll(set.otherAnyResourceForAction);
			return this;
		}

		GrantSet build() {
			return new GrantSet(this);
		}
	}
}
