package dev.palisade.security.audit;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides where a reopened log continues. The last stored record is normally the head; when the
 * last checkpoint covers a later sequence, records were removed (a log cut short, or a removed
 * file), and continuing from the record head would hand out sequence numbers a signed checkpoint
 * already covers. The chain then continues after the checkpoint, so no sequence number is ever
 * used twice, and the gap stays for the verifier to report as {@code SEQUENCE_GAP}.
 */
public final class ChainResumption {

	private static final Logger LOGGER = System.getLogger(ChainResumption.class.getName());

	private static final Pattern CHECKPOINT = Pattern
		.compile("\\{\"cp\":([1-9][0-9]{0,17}),(?:\"kid\":\"[A-Za-z0-9._-]{1,64}\",)?\"head\":\"([0-9a-f]{64})\",.*");

	private ChainResumption() {
	}

	/**
	 * The head to continue from.
	 * @param recordHead the head recovered from the stored records
	 * @param lastCheckpointLine the newest stored checkpoint line, or {@code null} when there is none
	 * @param store names the store in the warning (a directory or a table), never record content
	 */
	public static ChainHead resume(ChainHead recordHead, String lastCheckpointLine, String store) {
		ChainHead checkpointHead = checkpointHead(lastCheckpointLine);
		if (checkpointHead == null || checkpointHead.sequence() <= recordHead.sequence()) {
			return recordHead;
		}
		LOGGER.log(Level.ERROR, "Audit log {0} ends at sequence {1} but a checkpoint covers sequence {2}: records {3} to "
				+ "{2} are missing. Continuing at {4} so that no sequence number is reused; run the audit verifier.",
				store, recordHead.sequence(), checkpointHead.sequence(), recordHead.sequence() + 1,
				checkpointHead.sequence() + 1);
		return checkpointHead;
	}

	/** The head a checkpoint line names, or {@code null} when the line is absent or not a checkpoint. */
	static ChainHead checkpointHead(String line) {
		if (line == null) {
			return null;
		}
		Matcher matcher = CHECKPOINT.matcher(line);
		// at most 18 digits: a forged checkpoint cannot push the sequence to overflow
		return matcher.matches() ? new ChainHead(Long.parseLong(matcher.group(1)), matcher.group(2)) : null;
	}
}
