package dev.palisade.security.audit.verify;

/**
 * The outcome of a pass that may have started from a {@link ResumePoint}.
 *
 * @param result what the pass found, its counts including what the resume point had verified
 * @param resumedAfter the sequence the pass started after, or 0 when it read the whole log
 * @param next where the next pass can start: the last checkpoint this pass tied the chain to, or
 * the resume point it started from; {@code null} when none is known yet
 */
public record IncrementalResult(VerificationResult result, long resumedAfter, ResumePoint next) {
}
