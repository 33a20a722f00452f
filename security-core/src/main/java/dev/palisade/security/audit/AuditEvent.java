package dev.palisade.security.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One audited decision. {@code details} always passes through {@link Redactor#standard()} in
 * the constructor, so no code path can put a password, token or key into the log.
 *
 * @param id time-ordered identifier (UUID version 7)
 * @param timestamp when the decision was taken, truncated to microseconds
 * @param actor who acted
 * @param action what was attempted, a dotted name such as {@code apikey.authenticate}
 * @param resource what was acted on, or {@code null}
 * @param result the outcome
 * @param reasonCode a machine-readable reason such as {@code expired} or {@code rate_limited}, or {@code null}
 * @param clientIp the caller's address, or {@code null}
 * @param userAgent the caller's {@code User-Agent}, cut to {@value #MAX_TEXT_LENGTH} characters, or {@code null}
 * @param traceId the 32-hex-digit W3C trace id, or {@code null}
 * @param details further redacted context, sorted by key
 */
public record AuditEvent(UUID id, Instant timestamp, AuditActor actor, String action, AuditResource resource,
		AuditResult result, String reasonCode, String clientIp, String userAgent, String traceId,
		Map<String, Object> details) {

	/** Longest caller-controlled text kept (user agent); longer text is cut. */
	public static final int MAX_TEXT_LENGTH = 512;

	private static final Pattern TRACEPARENT = Pattern
		.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	public AuditEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(result, "result");
		if (action.isBlank()) {
			throw new IllegalArgumentException("action must not be blank");
		}
		if (traceId != null && !isValidTraceId(traceId)) {
			throw new IllegalArgumentException("traceId must be 32 lower-case hex digits, not all zero");
		}
		timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
		userAgent = cut(userAgent);
		details = Redactor.standard().redact(details);
	}

	/** A builder with a fresh UUIDv7 and the system clock. */
	public static Builder builder() {
		return new Builder(UuidV7Generator.shared(), Clock.systemUTC());
	}

	/** A builder taking ids and time from the given sources (for tests and replay). */
	public static Builder builder(UuidV7Generator ids, Clock clock) {
		return new Builder(ids, clock);
	}

	/**
	 * The trace id of a W3C {@code traceparent} header, or {@code null} when the header is absent
	 * or malformed (client input never fails an audit write).
	 */
	public static String traceIdFromTraceparent(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		var matcher = TRACEPARENT.matcher(traceparent.trim());
		if (!matcher.matches() || traceparent.startsWith("ff")) {
			return null;
		}
		String traceId = matcher.group(1);
		return isValidTraceId(traceId) ? traceId : null;
	}

	private static boolean isValidTraceId(String traceId) {
		return TRACE_ID.matcher(traceId).matches() && !traceId.equals("0".repeat(32));
	}

	private static String cut(String text) {
		return (text != null && text.length() > MAX_TEXT_LENGTH) ? text.substring(0, MAX_TEXT_LENGTH) : text;
	}

	/** Builds an {@link AuditEvent}; {@code action}, {@code result} are required, the actor defaults to anonymous. */
	public static final class Builder {

		private final UuidV7Generator ids;

		private final Clock clock;

		private UUID id;

		private Instant timestamp;

		private AuditActor actor = AuditActor.anonymous();

		private String action;

		private AuditResource resource;

		private AuditResult result;

		private String reasonCode;

		private String clientIp;

		private String userAgent;

		private String traceId;

		private final Map<String, Object> details = new LinkedHashMap<>();

		private Builder(UuidV7Generator ids, Clock clock) {
			this.ids = Objects.requireNonNull(ids, "ids");
			this.clock = Objects.requireNonNull(clock, "clock");
		}

		/** Sets an explicit id instead of a generated one. */
		public Builder id(UUID id) {
			this.id = id;
			return this;
		}

		/** Sets an explicit time instead of the clock's. */
		public Builder timestamp(Instant timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		/** Sets who acted. */
		public Builder actor(AuditActor actor) {
			this.actor = actor;
			return this;
		}

		/** Sets what was attempted. */
		public Builder action(String action) {
			this.action = action;
			return this;
		}

		/** Sets what was acted on. */
		public Builder resource(AuditResource resource) {
			this.resource = resource;
			return this;
		}

		/** Sets the outcome. */
		public Builder result(AuditResult result) {
			this.result = result;
			return this;
		}

		/** Sets a machine-readable reason. */
		public Builder reasonCode(String reasonCode) {
			this.reasonCode = reasonCode;
			return this;
		}

		/** Sets the caller's address. */
		public Builder clientIp(String clientIp) {
			this.clientIp = clientIp;
			return this;
		}

		/** Sets the caller's user agent (cut to {@value AuditEvent#MAX_TEXT_LENGTH} characters). */
		public Builder userAgent(String userAgent) {
			this.userAgent = userAgent;
			return this;
		}

		/** Sets the trace id; see {@link #traceparent(String)} for the raw header. */
		public Builder traceId(String traceId) {
			this.traceId = traceId;
			return this;
		}

		/** Takes the trace id from a W3C {@code traceparent} header; a malformed header is ignored. */
		public Builder traceparent(String traceparent) {
			this.traceId = traceIdFromTraceparent(traceparent);
			return this;
		}

		/** Adds one detail; it is redacted when the event is built. */
		public Builder detail(String key, Object value) {
			this.details.put(key, value);
			return this;
		}

		/** Adds details; they are redacted when the event is built. */
		public Builder details(Map<String, ?> details) {
			this.details.putAll(details);
			return this;
		}

		/** Builds the event. */
		public AuditEvent build() {
			UUID eventId = (this.id != null) ? this.id : this.ids.next();
			Instant time = (this.timestamp != null) ? this.timestamp : this.clock.instant();
			return new AuditEvent(eventId, time, this.actor, this.action, this.resource, this.result, this.reasonCode,
					this.clientIp, this.userAgent, this.traceId, this.details);
		}
	}
}
