package dev.palisade.security.autoconfigure.secrets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.palisade.security.secrets.SecretReference;
import dev.palisade.security.secrets.SecretStore;

import org.springframework.core.env.PropertySource;

/**
 * Answers {@code ${palisade-secret:path#field}} placeholders from the configured secret store, opened
 * on the first such placeholder (so an application without any opens nothing). Each value is read
 * once and kept; the references read are remembered so that {@link SecretPlaceholderAuditor} records
 * them once the audit log is up. A missing secret or field, or a store that cannot be reached, fails
 * start-up with a message naming the reference, never a value.
 */
final class SecretPlaceholderPropertySource extends PropertySource<Object> {

	static final String NAME = "palisadeSecrets";

	static final String PREFIX = "palisade-secret:";

	private final Supplier<SecretStore> store;

	private final Map<String, String> values = new ConcurrentHashMap<>();

	private final List<SecretReference> reads = new CopyOnWriteArrayList<>();

	private volatile SecretStore opened;

	SecretPlaceholderPropertySource(Supplier<SecretStore> store) {
		super(NAME, new Object());
		this.store = store;
	}

	@Override
	public Object getProperty(String name) {
		if (!name.startsWith(PREFIX)) {
			return null;
		}
		String reference = name.substring(PREFIX.length());
		return this.values.computeIfAbsent(reference, (key) -> {
			SecretReference parsed = SecretReference.parse(key);
			String value = parsed.resolve(store());
			this.reads.add(parsed);
			return value;
		});
	}

	/** The references resolved so far, in order. */
	List<SecretReference> reads() {
		return List.copyOf(this.reads);
	}

	private SecretStore store() {
		SecretStore store = this.opened;
		if (store == null) {
			synchronized (this) {
				if (this.opened == null) {
					this.opened = this.store.get();
				}
				store = this.opened;
			}
		}
		return store;
	}

}
