package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.audit.file.AuditDirectoryInUseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains at start-up that another instance already writes to the configured audit directory. */
class AuditDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<AuditDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AuditDirectoryInUseException cause) {
		return new FailureAnalysis(
				"Palisade cannot open its audit log: another audit writer (another instance, or another application"
						+ " context in this JVM) holds the directory " + cause.directory().toAbsolutePath() + ".",
				"Give each instance its own palisade.audit.path (each keeps its own hash chain), use the JDBC sink"
						+ " for a shared log, or stop the other instance.",
				cause);
	}
}
