package dev.palisade.security.autoconfigure.network;

import java.net.InetAddress;
import java.util.List;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.web.NetworkPolicyFilter;
import dev.palisade.security.web.RequestSizeLimitFilter;
import dev.palisade.security.web.SecurityHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeNetworkAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeNetworkAutoConfiguration.class));

	@Test
	void defaultsAreNoRulesAOneMegabyteLimitTheHeadersAndNoCors() {
		this.runner.run((context) -> {
			assertThat(context.getBean(NetworkPolicyFilter.class).hasRules()).isFalse();
			assertThat(context.getBean(RequestSizeLimitFilter.class).isEnabled()).isTrue();
			SecurityHeaders headers = context.getBean(SecurityHeaders.class);
			assertThat(headers.referrerPolicy()).isEqualTo("no-referrer");
			assertThat(headers.hstsMaxAge()).hasDays(365);
			assertThat(context.getBean("palisadeCorsConfigurationSource", UrlBasedCorsConfigurationSource.class)
				.getCorsConfigurations()).isEmpty();
			// the filters belong to the security chain, not to the servlet container's own filters
			assertThat(context.getBean("palisadeNetworkPolicyFilterRegistration", FilterRegistrationBean.class)
				.isEnabled()).isFalse();
			assertThat(context.getBean("palisadeRequestSizeLimitFilterRegistration", FilterRegistrationBean.class)
				.isEnabled()).isFalse();
		});
	}

	@Test
	void trustedProxiesComeFromNetworkOrElseFromTheRateLimitSetting() {
		this.runner.withPropertyValues("palisade.rate-limit.trusted-proxies=10.0.0.0/8").run((context) -> {
			ClientIpResolver resolver = context.getBean(ClientIpResolver.class);
			assertThat(resolver.resolve("10.1.1.1", List.of(), List.of("203.0.113.5")))
				.isEqualTo(InetAddress.getByName("203.0.113.5"));
		});
		this.runner
			.withPropertyValues("palisade.rate-limit.trusted-proxies=10.0.0.0/8",
					"palisade.network.trusted-proxies=192.168.0.0/16")
			.run((context) -> {
				ClientIpResolver resolver = context.getBean(ClientIpResolver.class);
				assertThat(resolver.resolve("10.1.1.1", List.of(), List.of("203.0.113.5")))
					.isEqualTo(InetAddress.getByName("10.1.1.1"));
				assertThat(resolver.resolve("192.168.1.1", List.of(), List.of("203.0.113.5")))
					.isEqualTo(InetAddress.getByName("203.0.113.5"));
			});
	}

	@Test
	void aWildcardOriginWithCredentialsFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("palisade.cors.allowed-origins=*", "palisade.cors.allow-credentials=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.cors.allowed-origins"));
		this.runner.withPropertyValues("palisade.cors.allowed-origin-patterns=*", "palisade.cors.allow-credentials=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.cors.allowed-origin-patterns"));
		this.runner.withPropertyValues("palisade.cors.allowed-origins=*")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withPropertyValues("palisade.cors.allowed-origin-patterns=https://*.example.com",
					"palisade.cors.allow-credentials=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void badRulesFailStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("palisade.network.rules[0].paths=/admin/**", "palisade.network.rules[0].allow=10.0.0.1/8")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("palisade.network.rules[0]: holds an entry that is not an IP address"));
		this.runner.withPropertyValues("palisade.network.rules[0].allow=10.0.0.0/8")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.network.rules[0].paths"));
		this.runner.withPropertyValues("palisade.network.rules[0].paths=/admin/**")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("has neither allow nor deny"));
		this.runner
			.withPropertyValues("palisade.network.rules[0].paths=/admin/**", "palisade.network.rules[0].deny=10.0.0.0/8")
			.run((context) -> assertThat(context.getBean(NetworkPolicyFilter.class).hasRules()).isTrue());
	}

	@Test
	void aZeroBodyLimitTurnsTheCheckOff() {
		this.runner.withPropertyValues("palisade.network.limits.max-body-size=0")
			.run((context) -> assertThat(context.getBean(RequestSizeLimitFilter.class).isEnabled()).isFalse());
	}
}
