package dev.palisade.security.autoconfigure.jdbc;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SchemaMigrations} that Palisade's JDBC stores run on their {@link DataSource} when
 * they are created ({@code palisade.jdbc.migrations}).
 */
@AutoConfiguration
@ConditionalOnClass(DataSource.class)
@EnableConfigurationProperties(PalisadeJdbcProperties.class)
public final class PalisadeJdbcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SchemaMigrations palisadeSchemaMigrations(PalisadeJdbcProperties properties, ApplicationContext context) {
		return new SchemaMigrations(properties.migrations(), context.getClassLoader());
	}
}
