package dev.palisade.sample.admin;

import dev.palisade.security.audit.AuditRecorder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Method security for the admin endpoints, an audit record for every admin call, and an
 * in-memory Actuator audit repository so {@code /actuator/auditevents} shows the recent records.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class AdminConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<AuditRecorder> recorder;

	AdminConfiguration(ObjectProvider<AuditRecorder> recorder) {
		this.recorder = recorder;
	}

	@Bean
	InMemoryAuditEventRepository auditEventRepository() {
		return new InMemoryAuditEventRepository();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		AuditRecorder audit = this.recorder.getIfAvailable(() -> AuditRecorder.NONE);
		registry.addInterceptor(new AdminAuditInterceptor(audit)).addPathPatterns("/api/v1/admin/**");
	}
}
