package dev.palisade.security.autoconfigure.tls;

import org.apache.tomcat.util.net.SSLHostConfig;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * What {@code palisade.tls} adds to Tomcat's HTTPS connector that {@code server.ssl.*} cannot say:
 * the server's cipher order wins over the client's (testssl.sh flags a server without one), so a
 * client offering a weaker suite first still gets the strongest suite both support.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("palisade.tls.enabled")
@ConditionalOnClass({ TomcatServletWebServerFactory.class, SSLHostConfig.class })
public final class PalisadeTlsServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "palisadeTomcatCipherOrder")
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> palisadeTomcatCipherOrder() {
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			for (SSLHostConfig host : connector.findSslHostConfigs()) {
				host.setHonorCipherOrder(true);
			}
		});
	}
}
