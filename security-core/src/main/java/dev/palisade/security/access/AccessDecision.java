package dev.palisade.security.access;

import java.util.EnumMap;
import java.util.Map;

/**
 * An allow or deny with its {@link ReasonCode}. One shared instance per code, so a decision
 * allocates nothing.
 */
public final class AccessDecision {

	private static final Map<ReasonCode, AccessDecision> BY_REASON = new EnumMap<>(ReasonCode.class);

	static {
		for (ReasonCode reason : ReasonCode.values()) {
			BY_REASON.put(reason, new AccessDecision(reason));
		}
	}

	private final ReasonCode reason;

	private AccessDecision(ReasonCode reason) {
		this.reason = reason;
	}

	/** The decision for a reason code. */
	public static AccessDecision of(ReasonCode reason) {
		return BY_REASON.get(reason);
	}

	/** Whether access is granted. */
	public boolean allowed() {
		return this.reason.allowed();
	}

	/** Why. */
	public ReasonCode reason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return (allowed() ? "ALLOW(" : "DENY(") + this.reason + ")";
	}
}
