package dev.palisade.security.autoconfigure.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.palisade.security.audit.AuditListener;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.file.AuditLogReader;
import dev.palisade.security.audit.file.JsonLinesFileSink;
import dev.palisade.security.audit.file.RotationPolicy;
import dev.palisade.security.audit.jdbc.JdbcAuditSink;
import dev.palisade.security.audit.verify.AuditVerifier;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.jdbc.SchemaMigrations;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The tamper-evident audit log ({@code palisade.audit}): keys, sink (files or PostgreSQL), the
 * log itself (drained and closed on shutdown), its verifier and the {@link AuditRecorder} that
 * features record through. Spring Security's authentication and authorization events, Actuator
 * forwarding, the verification endpoint and metrics are wired by the imported configurations.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(
		beforeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration" },
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "palisade.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PalisadeAuditProperties.class)
@Import({ SecurityEventAuditConfiguration.class, FeatureEventAuditConfiguration.class, ActuatorAuditConfiguration.class,
		AuditMetricsConfiguration.class })
public final class PalisadeAuditAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PalisadeAuditAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AuditKeyMaterial palisadeAuditKeys(PalisadeAuditProperties properties) {
		return AuditKeyLoader.load(properties);
	}

	/** Closed by the {@link AuditLog} once it has drained, not by the container. */
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	AuditSink palisadeAuditSink(PalisadeAuditProperties properties, ObjectProvider<DataSource> dataSources,
			ObjectProvider<SchemaMigrations> migrations) {
		return switch (properties.sink()) {
			case FILE -> {
				logger.info("Palisade audit log: files in " + properties.path().toAbsolutePath() + ", keys in "
						+ keyLocation(properties) + ", durability " + properties.durability());
				yield new JsonLinesFileSink(properties.path(),
						new RotationPolicy(properties.rotation().maxSize().toBytes(), properties.rotation().daily()),
						java.time.Clock.systemUTC());
			}
			case JDBC -> jdbcSink(properties, dataSources.getIfAvailable(), migrations.getIfAvailable());
		};
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	AuditLog palisadeAuditLog(AuditSink sink, AuditKeyMaterial keys, PalisadeAuditProperties properties,
			ObjectProvider<AuditListener> listeners) throws IOException {
		try {
			return openLog(sink, keys, properties, listeners);
		}
		catch (java.nio.file.FileSystemException ex) {
			if (!(sink instanceof JsonLinesFileSink)) {
				throw ex;
			}
			throw new InvalidPalisadePropertyException("palisade.audit.path",
					"cannot create or write the audit directory " + properties.path().toAbsolutePath() + " ("
							+ ex.getClass().getSimpleName() + ": " + ex.getFile() + ")",
					"Make that directory writable by the application's user, or point palisade.audit.path at one that is.",
					ex);
		}
	}

	private static AuditLog openLog(AuditSink sink, AuditKeyMaterial keys, PalisadeAuditProperties properties,
			ObjectProvider<AuditListener> listeners) throws IOException {
		return AuditLog.builder(sink, keys.macKeys())
			.signingKeys(keys.signingKeys())
			.durability(properties.durability())
			.backPressure(properties.backPressure())
			.queueCapacity(properties.queueCapacity())
			.batchInterval(properties.batchInterval())
			.writeTimeout(properties.writeTimeout())
			.checkpointEvery(properties.checkpointEvery())
			.checkpointInterval(properties.checkpointInterval())
			.listener(new CompositeAuditListener(listeners.orderedStream().toList()))
			.open();
	}

	/** Pages through the file sink's records, for an application's admin endpoint. */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "palisade.audit.sink", havingValue = "file", matchIfMissing = true)
	AuditLogReader palisadeAuditLogReader(PalisadeAuditProperties properties) {
		return new AuditLogReader(properties.path());
	}

	@Bean
	@ConditionalOnMissingBean
	AuditVerifier palisadeAuditVerifier(AuditKeyMaterial keys) {
		return AuditVerifier.of(keys.macKeys(), keys.verificationKeys());
	}

	@Bean
	@ConditionalOnMissingBean
	AuditRecorder palisadeAuditRecorder(AuditLog log) {
		return new RequestAwareAuditRecorder(log);
	}

	private static String keyLocation(PalisadeAuditProperties properties) {
		if (properties.hmacKey() != null || properties.hmacKeyFile() != null) {
			return "configuration (palisade.audit.hmac-key / hmac-key-file, signing-key-file)";
		}
		return properties.effectiveKeyDirectory().toAbsolutePath() + " (generated on first start)";
	}

	private static JdbcAuditSink jdbcSink(PalisadeAuditProperties properties, DataSource dataSource,
			SchemaMigrations migrations) {
		if (dataSource == null) {
			throw new IllegalStateException("palisade.audit.sink=jdbc needs a DataSource bean (spring.datasource.*)");
		}
		JdbcAuditSink sink = new JdbcAuditSink(dataSource);
		if (properties.jdbc().initializeSchema()) {
			try {
				sink.initializeSchema();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create the audit tables", ex);
			}
		}
		if (migrations != null) {
			migrations.migrate(dataSource, "audit");
		}
		return sink;
	}
}
