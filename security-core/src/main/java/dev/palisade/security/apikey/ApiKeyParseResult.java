package dev.palisade.security.apikey;

/**
 * What {@link ApiKeyFormat#parse(String)} found: either a {@link ParsedApiKey} or the reason
 * the input was rejected ({@link ApiKeyOutcome#MALFORMED} or {@link ApiKeyOutcome#BAD_CHECKSUM}).
 * Parsing never throws, so rejecting garbage stays cheap.
 */
public final class ApiKeyParseResult {

	private static final ApiKeyParseResult MALFORMED = new ApiKeyParseResult(ApiKeyOutcome.MALFORMED, null);

	private static final ApiKeyParseResult BAD_CHECKSUM = new ApiKeyParseResult(ApiKeyOutcome.BAD_CHECKSUM, null);

	private final ApiKeyOutcome failure;

	private final ParsedApiKey key;

	private ApiKeyParseResult(ApiKeyOutcome failure, ParsedApiKey key) {
		this.failure = failure;
		this.key = key;
	}

	static ApiKeyParseResult malformed() {
		return MALFORMED;
	}

	static ApiKeyParseResult badChecksum() {
		return BAD_CHECKSUM;
	}

	static ApiKeyParseResult parsed(ParsedApiKey key) {
		return new ApiKeyParseResult(null, key);
	}

	/** Whether the input has the right shape and checksum. */
	public boolean isParsed() {
		return this.key != null;
	}

	/** The rejection reason, or {@code null} when {@link #isParsed()}. */
	public ApiKeyOutcome failure() {
		return this.failure;
	}

	/**
	 * The parsed key.
	 * @throws IllegalStateException if the input was rejected
	 */
	public ParsedApiKey key() {
		if (this.key == null) {
			throw new IllegalStateException("API key was rejected: " + this.failure);
		}
		return this.key;
	}

	@Override
	public String toString() {
		return isParsed() ? "ApiKeyParseResult[" + this.key + "]" : "ApiKeyParseResult[" + this.failure + "]";
	}

}
