package dev.palisade.security.autoconfigure.session;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * In-memory sessions for {@code palisade.session} when nothing else keeps them: ordered after
 * Boot's JDBC and Redis session support, so with spring-boot-session-jdbc or -data-redis on the
 * class path their repository is used and this one is not created.
 */
@AutoConfiguration(after = PalisadeSessionAutoConfiguration.class,
		afterName = { "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
				"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SessionRepository.class)
@ConditionalOnBooleanProperty("palisade.session.enabled")
@ConditionalOnMissingBean(SessionRepository.class)
@EnableSpringHttpSession
public final class PalisadeInMemorySessionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MapSessionRepository sessionRepository(PalisadeSessionProperties properties) {
		MapSessionRepository repository = new MapSessionRepository(new ConcurrentHashMap<>());
		repository.setDefaultMaxInactiveInterval(properties.idleTimeout());
		return repository;
	}
}
