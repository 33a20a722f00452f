package dev.palisade.security.autoconfigure.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Checks of Palisade's configuration as a whole ({@code palisade.configuration}): unknown
 * {@code palisade.*} properties, and settings of other starters Palisade would otherwise ignore
 * (see {@link IssuerConfigurationCheck}).
 */
@AutoConfiguration
@EnableConfigurationProperties(PalisadeConfigurationProperties.class)
public final class PalisadeConfigurationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static PalisadePropertyNameCheck palisadePropertyNameCheck() {
		return new PalisadePropertyNameCheck();
	}

	@Bean
	@ConditionalOnMissingBean
	static IssuerConfigurationCheck palisadeIssuerConfigurationCheck() {
		return new IssuerConfigurationCheck();
	}
}
