package dev.palisade.security.audit.file;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import dev.palisade.security.audit.AuditCheckpoint;
import dev.palisade.security.audit.AuditRecord;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.ChainHead;
import dev.palisade.security.audit.ChainResumption;

/**
 * The default sink: JSON lines in a directory, one record per line, rotated by size or day
 * (see {@link AuditLogFiles} for names). The chain runs across files, so the first record of a
 * new file carries the hash of the last record of the previous one. Checkpoints go to a side
 * file so that cutting records off the log is evident against them.
 */
public final class JsonLinesFileSink implements AuditSink {

	/** The file whose OS lock marks the directory as in use by one writer. */
	public static final String LOCK_FILE_NAME = "audit.lock";

	private final Path directory;

	private final RotationPolicy rotation;

	private final Clock clock;

	private static final Logger LOGGER = System.getLogger(JsonLinesFileSink.class.getName());

	private FileChannel current;

	private Path currentPath;

	private FileIdentity currentIdentity;

	private FileIdentity checkpointIdentity;

	private long checkpointSize;

	private LocalDate currentDay;

	private long currentSize;

	private FileChannel checkpoints;

	private FileChannel lockChannel;

	/** A sink with {@link RotationPolicy#defaults()} on the UTC system clock. */
	public JsonLinesFileSink(Path directory) {
		this(directory, RotationPolicy.defaults(), Clock.systemUTC());
	}

	/** A sink with the given rotation; {@code clock} decides the day for daily rotation. */
	public JsonLinesFileSink(Path directory, RotationPolicy rotation, Clock clock) {
		this.directory = Objects.requireNonNull(directory, "directory");
		this.rotation = Objects.requireNonNull(rotation, "rotation");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public ChainHead open() throws IOException {
		Files.createDirectories(this.directory);
		lockDirectory();
		try {
			return openChain();
		}
		catch (IOException | RuntimeException ex) {
			this.lockChannel.close();
			this.lockChannel = null;
			throw ex;
		}
	}

	private ChainHead openChain() throws IOException {
		List<Path> files = AuditLogFiles.recordFiles(this.directory);
		ChainHead head = ChainHead.genesis();
		for (int i = files.size() - 1; i >= 0; i--) {
			boolean last = i == files.size() - 1;
			try (FileChannel channel = last
					? FileChannel.open(files.get(i), StandardOpenOption.READ, StandardOpenOption.WRITE)
					: FileChannel.open(files.get(i), StandardOpenOption.READ)) {
				// only the newest file can hold a torn write; older ones are never touched
				byte[] line = AuditLogFiles.readLastLine(channel, last);
				if (line != null) {
					long sequence = AuditRecordFormat.recordSequence(line, 0, line.length);
					if (sequence < 1) {
						throw new IOException("last line of " + files.get(i).getFileName()
								+ " is not a valid audit record; run the audit verifier");
					}
					head = new ChainHead(sequence, AuditRecordFormat.hashHex(line, 0, line.length));
					break;
				}
			}
		}
		if (!files.isEmpty()) {
			Path last = files.get(files.size() - 1);
			this.current = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
			this.currentSize = this.current.size();
			this.currentDay = AuditLogFiles.dayOf(last);
			this.currentPath = last;
			this.currentIdentity = FileIdentity.of(last);
		}
		Path checkpointFile = AuditLogFiles.checkpointFile(this.directory);
		boolean created = !Files.exists(checkpointFile);
		this.checkpoints = FileChannel.open(checkpointFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		byte[] lastCheckpoint = AuditLogFiles.readLastLine(this.checkpoints, true);
		this.checkpoints.position(this.checkpoints.size());
		this.checkpointIdentity = FileIdentity.of(checkpointFile);
		this.checkpointSize = this.checkpoints.size();
		if (created) {
			AuditLogFiles.fsyncDirectory(this.directory);
		}
		return ChainResumption.resume(head,
				(lastCheckpoint != null) ? new String(lastCheckpoint, StandardCharsets.US_ASCII) : null,
				"directory " + this.directory);
	}

	@Override
	public void append(List<AuditRecord> records) throws IOException {
		leaveCurrentFileIfChanged();
		int from = 0;
		while (from < records.size()) {
			AuditRecord first = records.get(from);
			if (needsNewFile(first.line().length + 1L)) {
				startFile(first.sequence());
			}
			int to = from;
			long bytes = 0;
			while (to < records.size()) {
				long next = records.get(to).line().length + 1L;
				if (to > from && exceedsSize(bytes + next)) {
					break;
				}
				bytes += next;
				to++;
			}
			write(records.subList(from, to), bytes);
			from = to;
		}
	}

	@Override
	public void force() throws IOException {
		if (this.current != null) {
			this.current.force(false);
		}
	}

	@Override
	public void appendCheckpoint(AuditCheckpoint checkpoint) throws IOException {
		reopenCheckpointFileIfChanged();
		ByteBuffer buffer = ByteBuffer.allocate(checkpoint.line().length + 1);
		buffer.put(checkpoint.line()).put((byte) '\n').flip();
		while (buffer.hasRemaining()) {
			this.checkpoints.write(buffer);
		}
		this.checkpoints.force(false);
		this.checkpointSize += buffer.limit();
	}

	/**
	 * A record file replaced in place (for example by {@code sed -i}), truncated, appended to or
	 * removed while this writer holds it open would swallow every further record into an unlinked
	 * inode, or mix them with foreign bytes. One {@code stat} per batch notices it; the writer then
	 * leaves the file as it is (evidence for the verifier) and continues the chain in a new file.
	 */
	private void leaveCurrentFileIfChanged() throws IOException {
		if (this.current == null || this.currentIdentity.matches(this.currentPath, this.currentSize)) {
			return;
		}
		LOGGER.log(Level.ERROR, "Audit file {0} was replaced, truncated, appended to or removed while open; "
				+ "continuing the chain in a new file. Run the audit verifier.", this.currentPath);
		this.current.close();
		this.current = null;
	}

	/** The same for the checkpoint file: new checkpoints go to the file now at its path. */
	private void reopenCheckpointFileIfChanged() throws IOException {
		Path file = AuditLogFiles.checkpointFile(this.directory);
		if (this.checkpointIdentity.matches(file, this.checkpointSize)) {
			return;
		}
		LOGGER.log(Level.ERROR, "Audit checkpoint file {0} was replaced, truncated or removed while open; "
				+ "writing further checkpoints to the file now at that path. Run the audit verifier.", file);
		this.checkpoints.close();
		this.checkpoints = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		AuditLogFiles.fsyncDirectory(this.directory);
		this.checkpointIdentity = FileIdentity.of(file);
		this.checkpointSize = this.checkpoints.size();
	}

	@Override
	public void close() throws IOException {
		try {
			if (this.current != null) {
				this.current.close();
			}
		}
		finally {
			try {
				if (this.checkpoints != null) {
					this.checkpoints.close();
				}
			}
			finally {
				if (this.lockChannel != null) {
					// closing the channel releases its lock
					this.lockChannel.close();
				}
			}
		}
	}

	/**
	 * One writer per directory: a second one (another instance with the same path, or a second
	 * application context in this JVM) would interleave two chains and could truncate the other's
	 * newest line as a torn write. The lock is an OS file lock, so it dies with its process.
	 */
	private void lockDirectory() throws IOException {
		FileChannel channel = FileChannel.open(this.directory.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
		if (lock == null) {
			channel.close();
			throw new AuditDirectoryInUseException(this.directory);
		}
		this.lockChannel = channel;
	}

	private boolean needsNewFile(long nextBytes) {
		if (this.current == null) {
			return true;
		}
		if (this.rotation.daily() && !today().equals(this.currentDay)) {
			return true;
		}
		return this.currentSize > 0 && exceedsSize(nextBytes);
	}

	private boolean exceedsSize(long moreBytes) {
		return this.rotation.maxBytes() > 0 && this.currentSize + moreBytes > this.rotation.maxBytes();
	}

	private void startFile(long firstSequence) throws IOException {
		if (this.current != null) {
			this.current.force(false);
			this.current.close();
		}
		LocalDate day = today();
		Path file = this.directory.resolve(AuditLogFiles.recordFileName(day, firstSequence));
		this.current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		AuditLogFiles.fsyncDirectory(this.directory);
		this.currentDay = day;
		this.currentSize = 0;
		this.currentPath = file;
		this.currentIdentity = FileIdentity.of(file);
	}

	private void write(List<AuditRecord> records, long bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
		for (AuditRecord record : records) {
			buffer.put(record.line()).put((byte) '\n');
		}
		buffer.flip();
		while (buffer.hasRemaining()) {
			this.current.write(buffer);
		}
		this.currentSize += bytes;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	@Override
	public String toString() {
		return "JsonLinesFileSink[" + this.directory + "]";
	}
}
